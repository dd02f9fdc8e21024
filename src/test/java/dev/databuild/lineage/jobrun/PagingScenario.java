package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.proto.DataBuildEvent;
import java.util.List;

/**
 * A log with more children than a page everywhere: a want retried five times, a dep-miss spawning
 * five derivative wants, a run reading five refs, and runs linked to a parent by several refs
 * (which connections must list once).
 */
public final class PagingScenario {

    private PagingScenario() {
    }

    public static List<DataBuildEvent> events() {
        LogBuilder log = new LogBuilder().want("W-P", "alice", "p/out");
        for (int i = 1; i <= 5; i++) {
            log.run("R-P" + i, "//jobs:p", "W-P", "p/out");
            if (i < 5) {
                log.fail("R-P" + i, "attempt " + i + " failed");
            } else {
                log.succeed("R-P" + i);
            }
        }
        log.want("W-Q", "alice", "q/out").run("R-Q1", "//jobs:q", "W-Q", "q/out")
                .depMiss("R-Q1", "dep/1", "dep/2", "dep/3", "dep/4", "dep/5");
        for (int i = 1; i <= 5; i++) {
            log.derivedWant("D-" + i, "R-Q1", "dep/" + i);
        }
        for (int i = 1; i <= 5; i++) {
            log.run("R-D" + i, "//jobs:dep" + i, "D-" + i, "dep/" + i).succeed("R-D" + i);
        }
        log.run("R-Q2", "//jobs:q", "W-Q", "q/out").succeed("R-Q2", "dep/5", "dep/3", "dep/1", "dep/4", "dep/2");
        log.want("W-M", "carol", "m/a", "m/b", "m/c").want("W-M2", "carol", "m/a")
                .run("R-M", "//jobs:m", List.of("W-M", "W-M2"), "m/a", "m/b", "m/c").succeed("R-M")
                .run("R-N", "//jobs:n", List.of(), "n/out").succeed("R-N", "m/a", "m/b", "m/c")
                .run("R-N2", "//jobs:n2", List.of(), "n2/out").succeed("R-N2", "m/a");
        log.want("W-F", "dave", "f/out").run("R-F", "//jobs:f", "W-F", "f/out").fail("R-F", "boom");
        return log.events();
    }
}
