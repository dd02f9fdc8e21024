package dev.databuild.lineage.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a generator's decisions come from: a seeded random source, or a "tape" of integers read in
 * order. The fuzz tests use random tapes of random length: a tape that runs out answers 0 (the
 * simplest choice) from then on, so short, plain sequences come up as often as long, wild ones.
 */
interface Choices {

    /** A number in [0, n); n must be positive. */
    int below(int n);

    default boolean chance(int percent) {
        return below(100) < percent;
    }

    static Choices random(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return rng::nextInt;
    }

    /** Reads the tape in order; once it is used up every answer is 0 (the simplest choice). */
    static Choices tape(List<Integer> tape) {
        return new Choices() {
            private int next;

            @Override
            public int below(int n) {
                return next < tape.size() ? Math.floorMod(tape.get(next++), n) : 0;
            }
        };
    }

    /** A tape of 0 to {@code maxSize} non-negative integers. */
    static List<Integer> randomTape(SplittableRandom rng, int maxSize) {
        int size = rng.nextInt(maxSize + 1);
        List<Integer> tape = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            tape.add(rng.nextInt() & Integer.MAX_VALUE);
        }
        return tape;
    }
}
