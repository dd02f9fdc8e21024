package dev.databuild.lineage.ingest;

import dev.databuild.lineage.proto.DataBuildEvent;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends a batch of events atomically: every event is checked, given its id, stored and projected
 * in one transaction under the writers' lock, or the whole batch is rolled back.
 */
@Service
public class IngestService {

    private final EventLog log;
    private final Projector projector;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WriterLock writers;

    IngestService(EventLog log, Projector projector, TransactionTemplate tx, java.util.Optional<Clock> clock, WriterLock writers) {
        this.log = log;
        this.projector = projector;
        this.tx = tx;
        this.clock = clock.orElse(Clock.systemUTC());
        this.writers = writers;
    }

    public IngestResult ingest(List<DataBuildEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            try {
                EventShape.check(events.get(i));
            } catch (EventRejected ex) {
                throw ex.at(i, events.get(i).getEventId());
            }
        }
        return writers.holding(() -> tx.execute(status -> appendAll(events)));
    }

    private IngestResult appendAll(List<DataBuildEvent> events) {
        long last = log.lockHead();
        long now = clock.millis();
        int applied = 0;
        int duplicates = 0;
        for (int i = 0; i < events.size(); i++) {
            DataBuildEvent given = events.get(i);
            try {
                if (given.getEventId() != 0 && given.getEventId() <= last) {
                    checkDuplicate(given, last);
                    duplicates++;
                    continue;
                }
                if (given.getEventId() == 0 && last == Long.MAX_VALUE) {
                    throw EventRejected.conflict("no event id left to assign: the log is at event_id " + last);
                }
                long id = given.getEventId() == 0 ? last + 1 : given.getEventId();
                DataBuildEvent e = given.toBuilder().setEventId(id).setTimestamp(given.getTimestamp() == 0 ? now : given.getTimestamp()).build();
                projector.apply(e);
                log.append(e, e.toByteArray(), now);
                last = id;
                applied++;
            } catch (EventRejected ex) {
                throw ex.at(i, given.getEventId());
            } catch (DataIntegrityViolationException ex) {
                throw EventRejected.inapplicable("the event contradicts the stored state: " + ex.getMostSpecificCause().getMessage())
                        .at(i, given.getEventId());
            }
        }
        log.moveHead(last);
        return new IngestResult(events.size(), applied, duplicates, last);
    }

    /** An id at or below the head is only accepted as an exact resend of the stored event. */
    private void checkDuplicate(DataBuildEvent given, long last) {
        byte[] stored = log.storedBytes(given.getEventId());
        if (stored == null) {
            throw EventRejected.conflict("event_id " + given.getEventId() + " is out of order: the log is already at event_id " + last);
        }
        DataBuildEvent normalized = given.getTimestamp() != 0 ? given
                : given.toBuilder().setTimestamp(EventLog.parse(stored).getTimestamp()).build();
        if (!Arrays.equals(stored, normalized.toByteArray())) {
            throw EventRejected.conflict("event_id " + given.getEventId() + " is already stored with different content");
        }
    }
}
