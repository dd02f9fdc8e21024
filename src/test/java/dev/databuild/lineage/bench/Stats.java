package dev.databuild.lineage.bench;

import java.util.Arrays;

/** Latency percentiles (nearest-rank) of repeated measurements, in milliseconds. */
record Stats(double p50, double p95, double p99, double mean) {

    static Stats of(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0) / 1e6;
        return new Stats(rank(s, 50), rank(s, 95), rank(s, 99), mean);
    }

    private static double rank(long[] sorted, int pct) {
        int i = (int) Math.ceil(pct / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
