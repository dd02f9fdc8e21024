package dev.databuild.lineage.ingest;

import dev.databuild.lineage.ingest.Rows.Instance;
import dev.databuild.lineage.ingest.Rows.Ref;
import dev.databuild.lineage.ingest.Rows.TaintMark;
import dev.databuild.lineage.support.Ids;
import dev.databuild.lineage.support.PartitionStatus;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Partition instances: minting a new canonical instance per build attempt, and status changes. */
@Component
class InstanceStates {

    /** A run starts building a ref: its new instance supersedes the ref's canonical one. */
    UUID mint(EventContext ctx, String jobRunId, String ref) {
        BatchState s = ctx.state;
        UUID uuid = Ids.instanceUuid(jobRunId, ref);
        Ref row = s.ref(ref);
        if (row == null) {
            row = new Ref();
            row.ref = ref;
            row.firstEventId = ctx.eventId;
            s.created(s.refs, ref, row);
        } else {
            Instance previous = s.instance(row.currentUuid);
            previous.supersededEventId = ctx.eventId;
            previous.supersededAt = ctx.at;
            previous.changed();
            row.changed();
        }
        row.currentUuid = uuid;
        Instance i = new Instance();
        i.uuid = uuid;
        i.ref = ref;
        i.jobRunId = jobRunId;
        i.status = PartitionStatus.BUILDING;
        i.createdEventId = ctx.eventId;
        i.createdAt = ctx.at;
        i.updatedEventId = ctx.eventId;
        s.created(s.instances, uuid, i);
        history(ctx, i);
        ctx.changedRefs.add(ref);
        return uuid;
    }

    /** The canonical instance of each ref that has one. */
    Map<String, UUID> canonical(EventContext ctx, Collection<String> refs) {
        Map<String, UUID> out = new LinkedHashMap<>();
        for (String ref : refs) {
            Ref row = ctx.state.ref(ref);
            if (row != null) {
                out.put(ref, row.currentUuid);
            }
        }
        return out;
    }

    /** The status of the ref's canonical instance, null if it has none. */
    PartitionStatus canonicalStatus(EventContext ctx, String ref) {
        Ref row = ctx.state.ref(ref);
        return row == null ? null : ctx.state.instance(row.currentUuid).status;
    }

    void setStatus(EventContext ctx, UUID uuid, String ref, PartitionStatus status) {
        Instance i = ctx.state.instance(uuid);
        if (i.status == status) {
            return;
        }
        i.status = status;
        i.updatedEventId = ctx.eventId;
        i.changed();
        history(ctx, i);
        ctx.changedRefs.add(ref);
        if (status == PartitionStatus.LIVE || status == PartitionStatus.FAILED || status == PartitionStatus.UPSTREAM_FAILED) {
            ctx.releasingRefs.add(ref);
        }
        if (status != PartitionStatus.TAINTED) {
            // an active taint that is lifted later must restore this status, not the one it covered
            for (TaintMark m : i.marks) {
                if (ctx.state.taint(m.taintId).active()) {
                    m.priorStatus = status;
                    m.changed();
                }
            }
        }
    }

    private static void history(EventContext ctx, Instance i) {
        i.statusHistory = ctx.withStatus(i.statusHistory, i.status.name(), "partition instance", i.uuid);
    }
}
