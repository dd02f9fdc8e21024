package dev.databuild.lineage.reliability;

import static dev.databuild.lineage.ingest.Events.heartbeat;
import static dev.databuild.lineage.ingest.Events.want;

import dev.databuild.lineage.ingest.Events;
import dev.databuild.lineage.proto.DataBuildEvent;
import java.util.List;
import java.util.function.Predicate;

/**
 * An event that is wrong whatever the state the model's valid events built: the status the
 * service must answer is known in advance. 400s are found before the transaction starts, so they
 * win over an earlier 409 or 422 of the same batch.
 */
enum Fault {
    UNKNOWN_RUN(422), UNKNOWN_WANT(422), SECOND_TERMINAL(422), SAME_WANT_AGAIN(422), SAME_RUN_AGAIN(422), TAINT_UNBUILT(422),
    STALE_ID(409), EMPTY_ID(400), NUL_IN_REF(400), NO_PAYLOAD(400), HUGE_EVENT_ID(400), NEGATIVE_TIME(400), LONG_REF(400),
    LONE_SURROGATE(400);

    final int status;

    Fault(int status) {
        this.status = status;
    }

    /**
     * The bad event, given the valid events that come before it and the log's head when it is
     * posted; null when it cannot be made here (nothing earlier to repeat).
     */
    DataBuildEvent make(List<DataBuildEvent> earlier, long head, int n) {
        return switch (this) {
            case UNKNOWN_RUN -> heartbeat("JR-nope-" + n);
            case UNKNOWN_WANT -> Events.cancelWant("W-nope-" + n);
            case SECOND_TERMINAL -> last(earlier, e -> e.hasJobRunSuccessV1() || e.hasJobRunFailureV1() || e.hasJobRunCancelV1()
                    || e.hasJobRunMissingDepsV1());
            case SAME_WANT_AGAIN -> last(earlier, DataBuildEvent::hasWantCreateV1);
            case SAME_RUN_AGAIN -> last(earlier, DataBuildEvent::hasJobRunBufferV1);
            case TAINT_UNBUILT -> Events.taint("T-nope-" + n, "never/built/" + n);
            case STALE_ID -> head == 0 ? null : want("W-stale-" + n, "x").toBuilder().setEventId(head).build();
            case EMPTY_ID -> HostileEvents.queue("");
            case NUL_IN_REF -> want("W-nul-" + n, "a\u0000b");
            case NO_PAYLOAD -> DataBuildEvent.getDefaultInstance();
            case HUGE_EVENT_ID -> want("W-big-" + n, "x").toBuilder().setEventId(-1 - n).build();
            case NEGATIVE_TIME -> want("W-time-" + n, "x").toBuilder().setTimestamp(-1 - n).build();
            case LONG_REF -> want("W-long-" + n, "r".repeat(1025 + n));
            case LONE_SURROGATE -> want("W-sur-" + n, "a\ud800b");
        };
    }

    /** Only JSON can carry it: a protobuf encoder writes '?' for an unpaired surrogate. */
    boolean needsJson() {
        return this == LONE_SURROGATE;
    }

    private static DataBuildEvent last(List<DataBuildEvent> earlier, Predicate<DataBuildEvent> kind) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (kind.test(earlier.get(i))) {
                return earlier.get(i).toBuilder().clearEventId().clearTimestamp().build();
            }
        }
        return null;
    }
}
