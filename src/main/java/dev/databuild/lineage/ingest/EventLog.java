package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.LOG_HEAD;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.databuild.lineage.proto.DataBuildEvent;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The append-only log of accepted events: the source of truth the projection is derived from. */
@Component
public class EventLog {

    private final DSLContext db;

    EventLog(DSLContext db) {
        this.db = db;
    }

    /** Takes the writers' lock for the rest of the transaction and returns the last applied id. */
    long lockHead() {
        return db.select(LOG_HEAD.LAST_EVENT_ID).from(LOG_HEAD).where(LOG_HEAD.ID.eq(1)).forUpdate()
                .fetchSingle(LOG_HEAD.LAST_EVENT_ID);
    }

    void moveHead(long lastEventId) {
        db.update(LOG_HEAD).set(LOG_HEAD.LAST_EVENT_ID, lastEventId).where(LOG_HEAD.ID.eq(1)).execute();
    }

    public long lastEventId() {
        return db.select(LOG_HEAD.LAST_EVENT_ID).from(LOG_HEAD).where(LOG_HEAD.ID.eq(1)).fetchSingle(LOG_HEAD.LAST_EVENT_ID);
    }

    byte[] storedBytes(long eventId) {
        return db.select(EVENT_LOG.PAYLOAD).from(EVENT_LOG).where(EVENT_LOG.EVENT_ID.eq(eventId)).fetchOne(EVENT_LOG.PAYLOAD);
    }

    void append(DataBuildEvent e, byte[] payload, long receivedAt) {
        db.insertInto(EVENT_LOG)
                .set(EVENT_LOG.EVENT_ID, e.getEventId())
                .set(EVENT_LOG.EVENT_TIME, e.getTimestamp())
                .set(EVENT_LOG.KIND, e.getEventCase().name().toLowerCase())
                .set(EVENT_LOG.PAYLOAD, payload)
                .set(EVENT_LOG.RECEIVED_AT, receivedAt)
                .execute();
    }

    public List<DataBuildEvent> read(long after, int limit) {
        return db.select(EVENT_LOG.PAYLOAD).from(EVENT_LOG).where(EVENT_LOG.EVENT_ID.gt(after))
                .orderBy(EVENT_LOG.EVENT_ID).limit(limit)
                .fetch(r -> parse(r.value1()));
    }

    /** Streams the whole log in id order, a page at a time, so replay never holds it all. */
    void forEach(int pageSize, Consumer<DataBuildEvent> action) {
        long after = 0;
        while (true) {
            List<DataBuildEvent> page = read(after, pageSize);
            page.forEach(action);
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1).getEventId();
        }
    }

    public long count() {
        return db.fetchCount(EVENT_LOG);
    }

    static DataBuildEvent parse(byte[] payload) {
        try {
            return DataBuildEvent.parseFrom(payload);
        } catch (InvalidProtocolBufferException ex) {
            throw new UncheckedIOException("stored event is not a DataBuildEvent", ex);
        }
    }
}
