package dev.databuild.lineage.bench;

/**
 * Benchmarks measure the JVM the way the service runs: without {@code -ea}, which Surefire turns on
 * for tests. Under it H2's MVStore checks, on every write, each B-tree page's row count against its
 * children's: ~10% of a million-event import's CPU that production never pays. Classes initialized
 * before this runs keep their assertions, so each benchmark calls it from its static initializer,
 * before Spring starts H2.
 */
public final class LikeProduction {

    private LikeProduction() {
    }

    public static void assertionsOff() {
        ClassLoader.getSystemClassLoader().setDefaultAssertionStatus(false);
        Thread.currentThread().getContextClassLoader().setDefaultAssertionStatus(false);
    }

    /** What the report says of it: whether H2's classes are asserting. */
    public static String assertions() {
        return org.h2.mvstore.Page.class.desiredAssertionStatus() ? "on (-ea)" : "off, as in production";
    }
}
