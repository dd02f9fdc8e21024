package dev.databuild.lineage.ingest;

import dev.databuild.lineage.ingest.Rows.Instance;
import dev.databuild.lineage.ingest.Rows.Taint;
import dev.databuild.lineage.ingest.Rows.TaintMark;
import dev.databuild.lineage.proto.TaintCancelEventV1;
import dev.databuild.lineage.proto.TaintCreateEventV1;
import dev.databuild.lineage.support.PartitionStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Taints mark the canonical instances of refs invalid; canceling restores what they were. */
@Component
class TaintEvents {

    private final InstanceStates instances;

    TaintEvents(InstanceStates instances) {
        this.instances = instances;
    }

    void create(EventContext ctx, TaintCreateEventV1 e) {
        BatchState s = ctx.state;
        if (s.taint(e.getTaintId()) != null) {
            throw EventRejected.inapplicable("taint " + e.getTaintId() + " already exists");
        }
        var refs = JobRunEvents.refs(e.getPartitionsList());
        Map<String, UUID> canonical = instances.canonical(ctx, refs);
        for (String ref : refs) {
            if (!canonical.containsKey(ref)) {
                throw EventRejected.inapplicable("taint " + e.getTaintId() + " names '" + ref + "' which has no partition instance");
            }
        }
        Taint t = new Taint();
        t.id = e.getTaintId();
        t.createdEventId = ctx.eventId;
        t.createdAt = ctx.at;
        t.comment = e.hasComment() ? e.getComment() : null;
        t.source = Source.of(e.getSource());
        s.created(s.taints, t.id, t);
        for (String ref : refs) {
            Instance i = s.instance(canonical.get(ref));
            TaintMark m = new TaintMark();
            m.taintId = t.id;
            m.uuid = i.uuid;
            m.ref = ref;
            m.priorStatus = priorStatus(s, i);
            s.created(s.marks, List.of(t.id, i.uuid), m);
            t.marks.add(m);
            i.marks.add(m);
            instances.setStatus(ctx, i.uuid, ref, PartitionStatus.TAINTED);
        }
    }

    /** An instance already tainted by another active taint keeps that taint's prior status. */
    private static PartitionStatus priorStatus(BatchState s, Instance i) {
        if (i.status != PartitionStatus.TAINTED) {
            return i.status;
        }
        return i.marks.stream().filter(m -> s.taint(m.taintId).active())
                .min(Comparator.comparingLong(m -> s.taint(m.taintId).createdEventId))
                .orElseThrow(() -> new IllegalStateException("instance " + i.uuid + " is tainted by no active taint"))
                .priorStatus;
    }

    void cancel(EventContext ctx, TaintCancelEventV1 e) {
        BatchState s = ctx.state;
        Taint taint = s.taint(e.getTaintId());
        if (taint == null) {
            throw EventRejected.inapplicable("taint_cancel_v1 names unknown taint " + e.getTaintId());
        }
        if (taint.canceledEventId != null) {
            throw EventRejected.inapplicable("taint " + e.getTaintId() + " was already canceled by event " + taint.canceledEventId);
        }
        taint.canceledEventId = ctx.eventId;
        taint.canceledAt = ctx.at;
        taint.changed();
        List<TaintMark> lifted = taint.marks.stream()
                .filter(m -> s.instance(m.uuid).status == PartitionStatus.TAINTED)
                .filter(m -> s.instance(m.uuid).marks.stream().noneMatch(o -> s.taint(o.taintId).active()))
                .sorted(Comparator.comparing(m -> m.uuid))
                .toList();
        for (TaintMark m : lifted) {
            instances.setStatus(ctx, m.uuid, m.ref, m.priorStatus);
        }
    }
}
