package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.proto.DataBuildEvent;
import java.util.List;

/**
 * Many wants, each with a run reading a shared ref, every tenth with a dep-miss, a derivative want
 * and a retry. The first want and the first run exercise every relation (a job source, a retry, a
 * derivative want, reads, missing deps), so a page of one touches every loader a page of 200 does.
 */
public final class StatementScenario {

    private StatementScenario() {
    }

    public static List<DataBuildEvent> events(int wants) {
        LogBuilder log = new LogBuilder()
                .run("S-0", "//jobs:base", List.of(), "shared/base").depMiss("S-0", "shared/root")
                .derivedWant("W-0000", "S-0", "shared/root")
                .run("S-1", "//jobs:root", "W-0000", "shared/root").depMiss("S-1", "shared/deep")
                .derivedWant("W-0001", "S-1", "shared/deep")
                .run("S-2", "//jobs:deep", "W-0001", "shared/deep").succeed("S-2")
                .run("S-3", "//jobs:root", "W-0000", "shared/root").succeed("S-3", "shared/deep")
                .run("S-4", "//jobs:base", List.of(), "shared/base").succeed("S-4", "shared/root");
        for (int i = 2; i < wants; i++) {
            String want = "W-%04d".formatted(i);
            String run = "R-%04d".formatted(i);
            String out = "out/" + i;
            log.want(want, "user" + (i % 7), out).run(run, "//jobs:out" + i, want, out).heartbeat(run);
            if (i % 10 == 0) {
                log.depMiss(run, "in/" + i)
                        .derivedWant(want + "-d", run, "in/" + i)
                        .run(run + "-d", "//jobs:in" + i, want + "-d", "in/" + i).succeed(run + "-d", "shared/base")
                        .run(run + "-r", "//jobs:out" + i, want, out).succeed(run + "-r", "in/" + i, "shared/base");
            } else {
                log.succeed(run, "shared/base");
            }
        }
        return log.events();
    }
}
