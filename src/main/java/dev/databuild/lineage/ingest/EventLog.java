package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.LOG_HEAD;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.databuild.lineage.proto.DataBuildEvent;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The stored bytes of those of the events that are in the log, by id (a map the caller may add to). */
    Map<Long, byte[]> storedBytes(List<Long> eventIds) {
        Map<Long, byte[]> out = new HashMap<>();
        for (int i = 0; i < eventIds.size(); i += 1_000) {
            db.select(EVENT_LOG.EVENT_ID, EVENT_LOG.PAYLOAD).from(EVENT_LOG)
                    .where(EVENT_LOG.EVENT_ID.in(eventIds.subList(i, Math.min(eventIds.size(), i + 1_000))))
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    /** At most {@code limit} events after {@code after}, none past {@code head}. */
    public List<DataBuildEvent> read(long after, long head, int limit) {
        return db.select(EVENT_LOG.PAYLOAD).from(EVENT_LOG).where(EVENT_LOG.EVENT_ID.gt(after)).and(EVENT_LOG.EVENT_ID.le(head))
                .orderBy(EVENT_LOG.EVENT_ID).limit(limit)
                .fetch(r -> parse(r.value1()));
    }

    /** Hands the whole log over in id order, a page at a time, so replay never holds it all; returns the count. */
    long forEachPage(int pageSize, Consumer<List<DataBuildEvent>> action) {
        long after = 0;
        long count = 0;
        while (true) {
            List<DataBuildEvent> page = read(after, Long.MAX_VALUE, pageSize);
            if (!page.isEmpty()) {
                action.accept(page);
            }
            count += page.size();
            if (page.size() < pageSize) {
                return count;
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
