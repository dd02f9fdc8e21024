package dev.databuild.lineage.partition;

import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.db.Tables.WANT;
import static dev.databuild.lineage.db.Tables.WANT_PARTITION;

import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.Cursor;
import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.support.KeysetPages.Keyset;
import dev.databuild.lineage.support.PageArgs;
import dev.databuild.lineage.support.Relation;
import dev.databuild.lineage.want.Want;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Refs in ref order, and per ref: its instances (newest first) and the wants that asked for it. */
@Repository
class PartitionQueries {

    static final String PARENT = "parent_key";
    static final String TOTAL = "total";

    private final DSLContext db;

    PartitionQueries(DSLContext db) {
        this.db = db;
    }

    /** {@code refPrefix} is literal: LIKE wildcards in it are escaped. The cursor is the ref. */
    Connection<Partition> partitions(String refPrefix, String status, PageArgs page) {
        var pr = PARTITION_REF.as("pr");
        var pi = PARTITION_INSTANCE.as("pi");
        var counted = PARTITION_REF.as("counted");
        var countedPi = PARTITION_INSTANCE.as("counted_pi");
        Field<Integer> total = DSL.field(DSL.selectCount().from(counted).join(countedPi).on(countedPi.UUID.eq(counted.CURRENT_UUID))
                .where(filter(counted.REF, countedPi.STATUS, refPrefix, status)));
        Keyset keys = Keyset.of(page, CursorKey.REF);
        Condition where = filter(pr.REF, pi.STATUS, refPrefix, status).and(keys.seek(pr.REF));
        List<Pages.Hit<Partition>> hits = db.select(pr.REF, pr.FIRST_EVENT_ID, total.as(TOTAL)).select(pi.fields())
                .from(pr).join(pi).on(pi.UUID.eq(pr.CURRENT_UUID))
                .where(where).orderBy(keys.order(pr.REF)).limit(page.limit())
                .fetch(r -> new Pages.Hit<>(new Partition(r.get(pr.REF), r.get(pr.FIRST_EVENT_ID),
                        PartitionInstance.from(r.into(pi))), Cursor.encode(r.get(pr.REF)), r.get(TOTAL, Integer.class)));
        return Pages.assemble(List.of(""), page, Map.of("", hits),
                lost -> Map.of("", db.fetchCount(db.selectOne().from(pr).join(pi).on(pi.UUID.eq(pr.CURRENT_UUID))
                        .where(filter(pr.REF, pi.STATUS, refPrefix, status))))).get("");
    }

    private static Condition filter(Field<String> ref, Field<String> instanceStatus, String refPrefix, String status) {
        Condition c = DSL.noCondition();
        if (refPrefix != null && !refPrefix.isEmpty()) {
            c = c.and(ref.like(DSL.escape(refPrefix, '!') + "%", '!'));
        }
        if (status != null) {
            c = c.and(instanceStatus.eq(status));
        }
        return c;
    }

    /** Every instance of each ref, newest first; the cursor is the instance's creating event. */
    Map<String, Connection<PartitionInstance>> instances(Collection<String> refs, PageArgs page) {
        var counted = PARTITION_INSTANCE.as("counted");
        Keyset keys = Keyset.of(page, CursorKey.EVENT_ID).descending();
        Function<Field<String>, Field<Integer>> total = ref -> DSL.field(DSL.selectCount().from(counted).where(counted.REF.eq(ref)));
        return Pages.batched(db, refs, page, new Relation<>(PARTITION_INSTANCE.REF, PARTITION_INSTANCE, total, PARTITION_INSTANCE.fields())
                        .named(PartitionQueries.class, "instances"),
                keys.seek(PARTITION_INSTANCE.CREATED_EVENT_ID), keys.backward(), new Field<?>[] {PARTITION_INSTANCE.CREATED_EVENT_ID},
                ref -> db.select(PARTITION_INSTANCE.fields())
                        .select(PARTITION_INSTANCE.REF.as(PARENT), total.apply(DSL.val(ref)).as(TOTAL))
                        .from(PARTITION_INSTANCE)
                        .where(PARTITION_INSTANCE.REF.eq(ref))
                        .and(keys.seek(PARTITION_INSTANCE.CREATED_EVENT_ID))
                        .orderBy(keys.order(PARTITION_INSTANCE.CREATED_EVENT_ID))
                        .limit(page.limit()),
                r -> {
                    var inst = PartitionInstance.from(r.into(PARTITION_INSTANCE));
                    return new Pages.Hit<>(inst, Cursor.encode(inst.createdEventId()), 0);
                }, lost -> counts(PARTITION_INSTANCE.REF, lost));
    }

    /** The wants naming each ref, oldest first; the cursor is the want's creating event. */
    Map<String, Connection<Want>> wants(Collection<String> refs, PageArgs page) {
        var counted = WANT_PARTITION.as("counted");
        Long after = eventCursor(page);
        Condition seek = after == null ? DSL.noCondition() : WANT.CREATED_EVENT_ID.gt(after);
        Function<Field<String>, Field<Integer>> total = ref -> DSL.field(DSL.selectCount().from(counted).where(counted.REF.eq(ref)));
        return Pages.batched(db, refs, page, new Relation<>(WANT_PARTITION.REF,
                        WANT_PARTITION.join(WANT).on(WANT.WANT_ID.eq(WANT_PARTITION.WANT_ID)), total, WANT.fields())
                        .named(PartitionQueries.class, "wants"),
                seek, false, new Field<?>[] {WANT.CREATED_EVENT_ID},
                ref -> db.select(WANT.fields())
                        .select(WANT_PARTITION.REF.as(PARENT), total.apply(DSL.val(ref)).as(TOTAL))
                        .from(WANT_PARTITION).join(WANT).on(WANT.WANT_ID.eq(WANT_PARTITION.WANT_ID))
                        .where(WANT_PARTITION.REF.eq(ref))
                        .and(seek)
                        .orderBy(WANT.CREATED_EVENT_ID)
                        .limit(page.limit()),
                r -> {
                    Want w = dev.databuild.lineage.want.Want.from(r.into(WANT));
                    return new Pages.Hit<>(w, Cursor.encode(w.createdEventId()), 0);
                }, lost -> counts(WANT_PARTITION.REF, lost));
    }

    private static Long eventCursor(PageArgs page) {
        return page.cursor() == null ? null
                : Cursor.longPart("after", page.cursor(), Cursor.decode("after", page.cursor(), 1).get(0));
    }

    private Map<String, Integer> counts(TableField<?, String> ref, List<String> refs) {
        return db.select(ref, DSL.count()).from(ref.getTable()).where(ref.in(refs)).groupBy(ref)
                .fetchMap(Record2::value1, Record2::value2);
    }
}
