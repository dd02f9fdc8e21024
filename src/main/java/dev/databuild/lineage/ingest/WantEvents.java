package dev.databuild.lineage.ingest;

import dev.databuild.lineage.ingest.Rows.Want;
import dev.databuild.lineage.proto.WantCancelEventV1;
import dev.databuild.lineage.proto.WantCreateEventV1;
import dev.databuild.lineage.support.WantStatus;
import org.springframework.stereotype.Component;

@Component
class WantEvents {

    private final Consequences consequences;

    WantEvents(Consequences consequences) {
        this.consequences = consequences;
    }

    void create(EventContext ctx, WantCreateEventV1 e) {
        BatchState s = ctx.state;
        if (s.want(e.getWantId()) != null) {
            throw EventRejected.inapplicable("want " + e.getWantId() + " already exists");
        }
        Source source = Source.of(e.getSource());
        if (source.jobRunId() != null && s.run(source.jobRunId()) == null) {
            throw EventRejected.inapplicable("want " + e.getWantId() + " is triggered by unknown job run " + source.jobRunId());
        }
        Want w = new Want();
        w.id = e.getWantId();
        w.createdEventId = ctx.eventId;
        w.createdAt = ctx.at;
        w.dataTimestamp = e.getDataTimestamp();
        w.ttlSeconds = e.getTtlSeconds();
        w.slaSeconds = e.getSlaSeconds();
        w.comment = e.hasComment() ? e.getComment() : null;
        w.source = source;
        w.status = WantStatus.IDLE;
        e.getPartitionsList().forEach(p -> w.refs.add(p.getRef()));
        s.created(s.wants, w.id, w);
        w.refs.forEach(ref -> BatchState.addIfLoaded(s.wantsOnRef, ref, w.id));
        consequences.setWantStatus(ctx, w, consequences.derivedStatus(ctx, w), true);
    }

    void cancel(EventContext ctx, WantCancelEventV1 e) {
        Want want = ctx.state.want(e.getWantId());
        if (want == null) {
            throw EventRejected.inapplicable("want_cancel_v1 names unknown want " + e.getWantId());
        }
        if (want.canceledEventId != null) {
            throw EventRejected.inapplicable("want " + e.getWantId() + " was already canceled by event " + want.canceledEventId);
        }
        want.canceledEventId = ctx.eventId;
        want.canceledAt = ctx.at;
        want.cancelComment = e.hasComment() ? e.getComment() : null;
        want.cancelSource = Source.of(e.getSource());
        want.changed();
        consequences.setWantStatus(ctx, want, WantStatus.CANCELED, false);
    }
}
