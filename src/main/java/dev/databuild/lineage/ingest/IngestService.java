package dev.databuild.lineage.ingest;

import dev.databuild.lineage.proto.DataBuildEvent;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    private final WorkingSet workingSet;

    IngestService(EventLog log, Projector projector, TransactionTemplate tx, java.util.Optional<Clock> clock, WriterLock writers,
                  WorkingSet workingSet) {
        this.workingSet = workingSet;
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
        try {
            return writers.holding(() -> tx.execute(status -> appendAll(events)));
        } catch (RuntimeException ex) {
            workingSet.drop();
            throw ex;
        }
    }

    private IngestResult appendAll(List<DataBuildEvent> events) {
        long head = log.lockHead();
        long last = head;
        long now = clock.millis();
        Map<Long, byte[]> stored = log.storedBytes(events.stream().mapToLong(DataBuildEvent::getEventId)
                .filter(id -> id != 0 && id <= head).boxed().toList());
        BatchState state = projector.prefetch(workingSet.open(head),
                events.stream().filter(e -> e.getEventId() == 0 || e.getEventId() > head).toList());
        int applied = 0;
        int duplicates = 0;
        for (int i = 0; i < events.size(); i++) {
            DataBuildEvent given = events.get(i);
            try {
                if (given.getEventId() != 0 && given.getEventId() <= last) {
                    checkDuplicate(given, last, stored);
                    duplicates++;
                    continue;
                }
                if (given.getEventId() == 0 && last == Long.MAX_VALUE) {
                    throw EventRejected.conflict("no event id left to assign: the log is at event_id " + last);
                }
                long id = given.getEventId() == 0 ? last + 1 : given.getEventId();
                DataBuildEvent e = given.toBuilder().setEventId(id).setTimestamp(given.getTimestamp() == 0 ? now : given.getTimestamp()).build();
                projector.apply(state, e);
                byte[] payload = e.toByteArray();
                state.appends.events.add(new Object[] {id, e.getTimestamp(), e.getEventCase().name().toLowerCase(), payload, now});
                stored.put(id, payload);
                last = id;
                applied++;
            } catch (EventRejected ex) {
                throw ex.at(i, given.getEventId());
            }
        }
        try {
            projector.finish(state);
        } catch (DataIntegrityViolationException ex) {
            // every rule is checked per event above; reaching this is a bug, still reported, still atomic
            throw EventRejected.inapplicable("the batch contradicts the stored state: " + ex.getMostSpecificCause().getMessage());
        }
        log.moveHead(last);
        workingSet.keep(state, last);
        return new IngestResult(events.size(), applied, duplicates, last);
    }

    /** An id at or below the head is only accepted as an exact resend of the stored event. */
    private void checkDuplicate(DataBuildEvent given, long last, Map<Long, byte[]> storedBytes) {
        byte[] stored = storedBytes.get(given.getEventId());
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
