package dev.databuild.lineage.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap of this JVM (server, client and generator share it) since the last reset: the sum of the
 * heap pools' peak usages, which the JVM tracks itself, so no sampling can miss a spike.
 */
final class HeapPeak {

    private HeapPeak() {
    }

    static void reset() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakBytes() {
        return heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static java.util.stream.Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }
}
