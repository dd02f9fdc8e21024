package dev.databuild.lineage.ingest;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.proto.EventSource;
import dev.databuild.lineage.proto.PartitionRef;
import java.util.HashSet;
import java.util.List;

/**
 * Checks what can be checked without the state: required ids, non-empty lists, sizes that fit the
 * store. Failing here is a 400 (malformed), so the client knows resending will not help.
 */
final class EventShape {

    static final int MAX_ID = 255;
    static final int MAX_REF = 1024;
    static final int MAX_TEXT = 100_000;

    private EventShape() {
    }

    static void check(DataBuildEvent e) {
        switch (e.getEventCase()) {
            case WANT_CREATE_V1 -> {
                var w = e.getWantCreateV1();
                id("want_create_v1.want_id", w.getWantId());
                refs("want_create_v1.partitions", w.getPartitionsList(), true);
                source("want_create_v1.source", w.getSource());
                text("want_create_v1.comment", w.getComment());
            }
            case WANT_CANCEL_V1 -> {
                id("want_cancel_v1.want_id", e.getWantCancelV1().getWantId());
                source("want_cancel_v1.source", e.getWantCancelV1().getSource());
                text("want_cancel_v1.comment", e.getWantCancelV1().getComment());
            }
            case JOB_RUN_BUFFER_V1 -> {
                var b = e.getJobRunBufferV1();
                id("job_run_buffer_v1.job_run_id", b.getJobRunId());
                required("job_run_buffer_v1.job_label", b.getJobLabel(), MAX_REF);
                refs("job_run_buffer_v1.building_partitions", b.getBuildingPartitionsList(), true);
                for (var wap : b.getWantAttributedPartitionsList()) {
                    id("job_run_buffer_v1.want_attributed_partitions.want_id", wap.getWantId());
                    refs("job_run_buffer_v1.want_attributed_partitions.partitions", wap.getPartitionsList(), false);
                }
            }
            case JOB_RUN_QUEUE_V1 -> id("job_run_queue_v1.job_run_id", e.getJobRunQueueV1().getJobRunId());
            case JOB_RUN_HEARTBEAT_V1 -> id("job_run_heartbeat_v1.job_run_id", e.getJobRunHeartbeatV1().getJobRunId());
            case JOB_RUN_SUCCESS_V1 -> {
                id("job_run_success_v1.job_run_id", e.getJobRunSuccessV1().getJobRunId());
                for (var rd : e.getJobRunSuccessV1().getReadDepsList()) {
                    refs("job_run_success_v1.read_deps.impacted", rd.getImpactedList(), false);
                    refs("job_run_success_v1.read_deps.read", rd.getReadList(), false);
                }
            }
            case JOB_RUN_FAILURE_V1 -> {
                id("job_run_failure_v1.job_run_id", e.getJobRunFailureV1().getJobRunId());
                text("job_run_failure_v1.reason", e.getJobRunFailureV1().getReason());
            }
            case JOB_RUN_CANCEL_V1 -> {
                id("job_run_cancel_v1.job_run_id", e.getJobRunCancelV1().getJobRunId());
                source("job_run_cancel_v1.source", e.getJobRunCancelV1().getSource());
                text("job_run_cancel_v1.comment", e.getJobRunCancelV1().getComment());
            }
            case JOB_RUN_MISSING_DEPS_V1 -> {
                var m = e.getJobRunMissingDepsV1();
                id("job_run_missing_deps_v1.job_run_id", m.getJobRunId());
                if (m.getMissingDepsCount() == 0) {
                    throw EventRejected.malformed("job_run_missing_deps_v1.missing_deps is empty: a dep-miss names what is missing");
                }
                for (var md : m.getMissingDepsList()) {
                    refs("job_run_missing_deps_v1.missing_deps.impacted", md.getImpactedList(), false);
                    refs("job_run_missing_deps_v1.missing_deps.missing", md.getMissingList(), true);
                }
                for (var rd : m.getReadDepsList()) {
                    refs("job_run_missing_deps_v1.read_deps.impacted", rd.getImpactedList(), false);
                    refs("job_run_missing_deps_v1.read_deps.read", rd.getReadList(), false);
                }
            }
            case TAINT_CREATE_V1 -> {
                var t = e.getTaintCreateV1();
                id("taint_create_v1.taint_id", t.getTaintId());
                refs("taint_create_v1.partitions", t.getPartitionsList(), true);
                source("taint_create_v1.source", t.getSource());
                text("taint_create_v1.comment", t.getComment());
            }
            case TAINT_CANCEL_V1 -> {
                id("taint_cancel_v1.taint_id", e.getTaintCancelV1().getTaintId());
                source("taint_cancel_v1.source", e.getTaintCancelV1().getSource());
                text("taint_cancel_v1.comment", e.getTaintCancelV1().getComment());
            }
            case EVENT_NOT_SET -> throw EventRejected.malformed("the event has no payload: none of the oneof 'event' members is set");
        }
    }

    private static void id(String field, String value) {
        required(field, value, MAX_ID);
    }

    private static void required(String field, String value, int max) {
        if (value.isBlank()) {
            throw EventRejected.malformed(field + " is required and was empty");
        }
        if (value.length() > max) {
            throw EventRejected.malformed(field + " is " + value.length() + " characters; at most " + max + " are accepted");
        }
    }

    private static void text(String field, String value) {
        if (value.length() > MAX_TEXT) {
            throw EventRejected.malformed(field + " is " + value.length() + " characters; at most " + MAX_TEXT + " are accepted");
        }
    }

    private static void refs(String field, List<PartitionRef> refs, boolean nonEmpty) {
        if (nonEmpty && refs.isEmpty()) {
            throw EventRejected.malformed(field + " is empty; at least one partition ref is required");
        }
        var seen = new HashSet<String>();
        for (PartitionRef r : refs) {
            required(field + ".ref", r.getRef(), MAX_REF);
            if (!seen.add(r.getRef())) {
                throw EventRejected.malformed(field + " names '" + r.getRef() + "' twice");
            }
        }
    }

    private static void source(String field, EventSource source) {
        switch (source.getSourceCase()) {
            case MANUALLY_TRIGGERED -> {
                if (source.getManuallyTriggered().getUser().length() > MAX_ID) {
                    throw EventRejected.malformed(field + ".manually_triggered.user is longer than " + MAX_ID + " characters");
                }
            }
            case JOB_TRIGGERED -> id(field + ".job_triggered.job_run_id", source.getJobTriggered().getJobRunId());
            case SOURCE_NOT_SET -> { }
        }
    }
}
