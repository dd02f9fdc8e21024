// Saved examples GraphiQL opens with: one tab per view, on the demo data (the seed's example).
window.LINEAGE_EXAMPLES = [
  {
    query: `# 1. Want fulfilment: the work tree rooted at a want.
query WantFulfilment($wantId: String! = "W-001") {
  want(wantId: $wantId) {
    wantId status partitionRefs
    partitions { nodes { uuid ref status isCanonical builtBy { jobRunId } } }
    jobRuns {
      nodes {
        jobRunId jobLabel status attempt
        statusHistory { status at }
        read { nodes { ref uuid status } }
        missingDeps { impactedRef missingRef }
      }
    }
    derivativeWants {
      nodes {
        wantId status triggeredBy { jobRunId status }
        jobRuns { nodes { jobRunId status attempt read { nodes { ref uuid } } } }
        derivativeWants {
          nodes {
            wantId status triggeredBy { jobRunId }
            jobRuns { nodes { jobRunId status wrote { nodes { ref uuid } } } }
          }
        }
      }
    }
  }
}`,
  },
  {
    query: `# 2. Partition lineage: where data/beta came from and what uses it.
query PartitionLineage($ref: String! = "data/beta") {
  partition(ref: $ref) {
    ref status
    current {
      uuid status isCanonical isStale
      builtBy { jobRunId status }
      upstream { nodes { ref uuid status builtBy { jobRunId } } }
      downstream { totalCount nodes { ref uuid status builtBy { jobRunId } } }
      consumers { totalCount nodes { jobRunId status } }
    }
    instances { nodes { uuid status isCanonical createdAt builtBy { jobRunId status } } }
  }
  lineage(ref: $ref, direction: BOTH, depth: 3) {
    truncated
    depthCounts { depth nodes leftOut }
    nodes { id kind depth label status hasMore }
    edges { from to }
  }
}`,
  },
  {
    query: `# 3. Job run detail: what JR-457 was for, read, wrote and retried.
query JobRunDetail($jobRunId: String! = "JR-457") {
  jobRun(jobRunId: $jobRunId) {
    jobRunId jobLabel status attempt
    statusHistory { status at eventId }
    scheduledFor { nodes { wantId status } }
    read { nodes { ref uuid status isCanonical } }
    wrote { nodes { ref uuid status } }
    previousAttempt {
      jobRunId status
      missingDeps { impactedRef missingRef }
      derivativeWants { nodes { wantId status } }
    }
    attempts { jobRunId status attempt }
    upstream { nodes { jobRunId jobLabel } }
    downstream { nodes { jobRunId jobLabel } }
  }
}`,
  },
];
