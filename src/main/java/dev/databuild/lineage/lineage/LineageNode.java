package dev.databuild.lineage.lineage;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.partition.PartitionInstance;

/** An instance or a run of a lineage graph; exactly one of {@code instance} and {@code jobRun} is set. */
public record LineageNode(String id, String kind, int depth, String label, String status, PartitionInstance instance,
                          JobRun jobRun, int hasMore, boolean depthLimited) {

    static final String INSTANCE = "PARTITION_INSTANCE";
    static final String JOB_RUN = "JOB_RUN";
}
