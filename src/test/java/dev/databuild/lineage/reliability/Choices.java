package dev.databuild.lineage.reliability;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a generator's decisions come from: a seeded random source for long runs, or a "tape" of
 * integers drawn by jqwik, so that shrinking the tape shrinks the generated event sequence.
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
}
