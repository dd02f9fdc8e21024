package dev.databuild.lineage.ingest;

import com.google.protobuf.Message;
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
    /** Partition refs in one event, all lists together: keeps every statement under the drivers' bind limits. */
    static final int MAX_REFS = 20_000;
    /** 9999-12-31T23:59:59.999Z: a later "millisecond" time stamp is a unit mistake (micro- or nanoseconds). */
    static final long MAX_MILLIS = 253_402_300_799_999L;

    private EventShape() {
    }

    static void check(DataBuildEvent e) {
        // uint64 values above 2^63-1 arrive negative in Java: no id or time can be that large
        if (e.getEventId() < 0) {
            throw EventRejected.malformed("event_id " + Long.toUnsignedString(e.getEventId()) + " is above 2^63-1, the largest event id");
        }
        millis("timestamp", e.getTimestamp());
        refCount(e);
        switch (e.getEventCase()) {
            case WANT_CREATE_V1 -> {
                var w = e.getWantCreateV1();
                id("want_create_v1.want_id", w.getWantId());
                millis("want_create_v1.data_timestamp", w.getDataTimestamp());
                nonNegative("want_create_v1.ttl_seconds", w.getTtlSeconds());
                nonNegative("want_create_v1.sla_seconds", w.getSlaSeconds());
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

    private static void millis(String field, long value) {
        if (value < 0 || value > MAX_MILLIS) {
            throw EventRejected.malformed(field + " " + Long.toUnsignedString(value)
                    + " is not epoch milliseconds between 1970 and 9999 (0 = unset)");
        }
    }

    private static void nonNegative(String field, long value) {
        if (value < 0) {
            throw EventRejected.malformed(field + " " + Long.toUnsignedString(value) + " is above 2^63-1");
        }
    }

    private static void refCount(DataBuildEvent e) {
        long refs = refsIn(e);
        if (refs > MAX_REFS) {
            throw EventRejected.malformed("the event names " + refs + " partition refs; at most " + MAX_REFS + " are accepted in one event");
        }
    }

    private static long refsIn(Message m) {
        if (m instanceof PartitionRef) {
            return 1;
        }
        long n = 0;
        for (Object value : m.getAllFields().values()) {
            for (Object v : value instanceof List<?> list ? list : List.of(value)) {
                n += v instanceof Message inner ? refsIn(inner) : 0;
            }
        }
        return n;
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
        chars(field, value);
    }

    private static void text(String field, String value) {
        if (value.length() > MAX_TEXT) {
            throw EventRejected.malformed(field + " is " + value.length() + " characters; at most " + MAX_TEXT + " are accepted");
        }
        chars(field, value);
    }

    /**
     * PostgreSQL cannot store NUL in text, and instance UUIDs use NUL as the separator of run and
     * ref. An unpaired surrogate (JSON can escape one) has no UTF-8 form: the stored event would
     * say something else than the projection.
     */
    private static void chars(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == 0) {
                throw EventRejected.malformed(field + " contains a NUL character at position " + i);
            }
            if (Character.isSurrogate(ch)) {
                boolean paired = Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw EventRejected.malformed(field + " contains an unpaired UTF-16 surrogate at position " + i + ": it is not Unicode text");
                }
                i++;
            }
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
                chars(field + ".manually_triggered.user", source.getManuallyTriggered().getUser());
            }
            case JOB_TRIGGERED -> id(field + ".job_triggered.job_run_id", source.getJobTriggered().getJobRunId());
            case SOURCE_NOT_SET -> { }
        }
    }
}
