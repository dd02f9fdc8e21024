package dev.databuild.lineage.reliability;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.TestInfo;

/**
 * The loop behind every fuzz test. Seeded, so CI sees the same inputs on every run (a failure there
 * is reproducible, never flaky), while a long run can go further or elsewhere:
 * {@code -Dlineage.fuzz.tries=N} replaces every test's bounded CI count and
 * {@code -Dlineage.fuzz.seed=S} moves the window of seeds. Try i draws from seed S + i alone, so a
 * failing try replays by itself with its own seed and one try. There is no shrinking: the failure
 * message carries the seed instead.
 */
final class FuzzTries {

    static final String TRIES = "lineage.fuzz.tries";
    static final String SEED = "lineage.fuzz.seed";
    static final long DEFAULT_SEED = 20261124L;

    private FuzzTries() {
    }

    /** Runs {@code body} with a fresh random source per try: {@code ciTries} times unless overridden. */
    static void run(TestInfo test, int ciTries, Consumer<SplittableRandom> body) {
        String name = test.getTestClass().map(Class::getSimpleName).orElse("?") + "#"
                + test.getTestMethod().map(m -> m.getName()).orElse(test.getDisplayName());
        int tries = Integer.getInteger(TRIES, ciTries);
        long base = Long.getLong(SEED, DEFAULT_SEED);
        long started = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            long seed = base + i;
            try {
                body.accept(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException | StackOverflowError ex) {
                // a decoder that overflows its stack is a finding too, so it gets the seed as well
                report(name, i + 1, base, started, "FAILED");
                throw new AssertionError(String.format("fuzz %s failed: seed=%d try=%d (base seed %d); replay it alone with"
                                + " -Dtest='%s' -D%s=%d -D%s=1%n%s", name, seed, i, base, name, SEED, seed, TRIES, ex),
                        ex);
            }
        }
        report(name, tries, base, started, "SUCCESSFUL");
    }

    private static void report(String name, int tries, long base, long started, String status) {
        System.out.printf("[reliability] fuzz %s: %d tries from seed %d in %d ms, %s%n", name, tries, base,
                (System.nanoTime() - started) / 1_000_000, status);
    }
}
