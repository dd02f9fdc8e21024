package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.WANT;
import static dev.databuild.lineage.db.Tables.WANT_PARTITION;

import dev.databuild.lineage.proto.WantCancelEventV1;
import dev.databuild.lineage.proto.WantCreateEventV1;
import dev.databuild.lineage.support.WantStatus;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

@Component
class WantEvents {

    private final DSLContext db;
    private final Consequences consequences;

    WantEvents(DSLContext db, Consequences consequences) {
        this.db = db;
        this.consequences = consequences;
    }

    void create(EventContext ctx, WantCreateEventV1 e) {
        if (Exists.any(db, WANT, WANT.WANT_ID.eq(e.getWantId()))) {
            throw EventRejected.inapplicable("want " + e.getWantId() + " already exists");
        }
        Source source = Source.of(e.getSource());
        if (source.jobRunId() != null && !Exists.any(db, JOB_RUN, JOB_RUN.JOB_RUN_ID.eq(source.jobRunId()))) {
            throw EventRejected.inapplicable("want " + e.getWantId() + " is triggered by unknown job run " + source.jobRunId());
        }
        db.insertInto(WANT)
                .set(WANT.WANT_ID, e.getWantId())
                .set(WANT.CREATED_EVENT_ID, ctx.eventId)
                .set(WANT.CREATED_AT, ctx.at)
                .set(WANT.DATA_TIMESTAMP, e.getDataTimestamp())
                .set(WANT.TTL_SECONDS, e.getTtlSeconds())
                .set(WANT.SLA_SECONDS, e.getSlaSeconds())
                .set(WANT.COMMENT, e.hasComment() ? e.getComment() : null)
                .set(WANT.SOURCE_KIND, source.kind())
                .set(WANT.SOURCE_USER, source.user())
                .set(WANT.TRIGGERED_BY_RUN_ID, source.jobRunId())
                .set(WANT.STATUS, WantStatus.IDLE.name())
                .execute();
        var insert = db.insertInto(WANT_PARTITION, WANT_PARTITION.WANT_ID, WANT_PARTITION.POSITION, WANT_PARTITION.REF);
        for (int i = 0; i < e.getPartitionsCount(); i++) {
            insert = insert.values(e.getWantId(), i, e.getPartitions(i).getRef());
        }
        insert.execute();
        consequences.setWantStatus(ctx, e.getWantId(), consequences.derivedStatus(e.getWantId()), true);
    }

    void cancel(EventContext ctx, WantCancelEventV1 e) {
        var want = db.selectFrom(WANT).where(WANT.WANT_ID.eq(e.getWantId())).fetchOne();
        if (want == null) {
            throw EventRejected.inapplicable("want_cancel_v1 names unknown want " + e.getWantId());
        }
        if (want.getCanceledEventId() != null) {
            throw EventRejected.inapplicable("want " + e.getWantId() + " was already canceled by event " + want.getCanceledEventId());
        }
        Source source = Source.of(e.getSource());
        db.update(WANT)
                .set(WANT.CANCELED_EVENT_ID, ctx.eventId)
                .set(WANT.CANCELED_AT, ctx.at)
                .set(WANT.CANCEL_COMMENT, e.hasComment() ? e.getComment() : null)
                .set(WANT.CANCEL_SOURCE_KIND, source.kind())
                .set(WANT.CANCEL_SOURCE_USER, source.user())
                .set(WANT.CANCEL_SOURCE_RUN_ID, source.jobRunId())
                .where(WANT.WANT_ID.eq(e.getWantId()))
                .execute();
        consequences.setWantStatus(ctx, e.getWantId(), WantStatus.CANCELED, false);
    }
}
