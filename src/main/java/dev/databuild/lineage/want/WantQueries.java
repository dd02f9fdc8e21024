package dev.databuild.lineage.want;

import static dev.databuild.lineage.db.Tables.WANT;
import static dev.databuild.lineage.db.Tables.WANT_PARTITION;
import static dev.databuild.lineage.support.KeysetPages.parent;
import static dev.databuild.lineage.support.KeysetPages.total;

import dev.databuild.lineage.support.KeyArray;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.support.KeysetPages;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.Cursor;
import dev.databuild.lineage.support.PageArgs;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Wants by id, the list of all wants, and the per-want lists (refs, status history). */
@Repository
public class WantQueries {

    private final DSLContext db;

    WantQueries(DSLContext db) {
        this.db = db;
    }

    public Map<String, Want> byIds(Collection<String> wantIds) {
        Map<String, Want> out = new LinkedHashMap<>();
        KeyArray.fetch(db, "WantQueries.byIds", WANT.WANT_ID, wantIds, k -> db.select(WANT.fields()).from(k.table())
                .join(WANT).on(WANT.WANT_ID.eq(k.key()))).forEach(r -> out.put(r.get(WANT.WANT_ID), want(r)));
        return out;
    }

    /** All wants (of one status, if given), oldest first: created_event_id is unique. */
    Connection<Want> all(String status, PageArgs page) {
        var counted = WANT.as("counted");
        Condition filter = status == null ? DSL.noCondition() : WANT.STATUS.eq(status);
        Condition countFilter = status == null ? DSL.noCondition() : counted.STATUS.eq(status);
        KeysetPages.Branch branch = (p, keys, limit) -> db.select(WANT.fields())
                .select(parent(p), total(DSL.selectCount().from(counted).where(countFilter)))
                .from(WANT)
                .where(filter).and(keys.seek(WANT.CREATED_EVENT_ID))
                .orderBy(keys.order(WANT.CREATED_EVENT_ID)).limit(limit);
        return KeysetPages.fetch(db, List.of(""), page, CursorKey.EVENT_ID, branch, WantQueries::want, WantQueries::cursor).get("");
    }

    Map<String, List<String>> partitionRefs(Collection<String> wantIds) {
        Map<String, List<String>> out = Loaders.emptyLists(wantIds);
        KeyArray.fetch(db, "WantQueries.partitionRefs", WANT_PARTITION.WANT_ID, wantIds, k -> db.select(WANT_PARTITION.WANT_ID,
                        WANT_PARTITION.REF).from(k.table()).join(WANT_PARTITION).on(WANT_PARTITION.WANT_ID.eq(k.key()))
                .orderBy(WANT_PARTITION.WANT_ID, WANT_PARTITION.POSITION))
                .forEach(r -> out.get(r.get(WANT_PARTITION.WANT_ID)).add(r.get(WANT_PARTITION.REF)));
        return out;
    }

    static Want want(Record r) {
        return Want.from(r.into(WANT));
    }

    static String cursor(Want w) {
        return Cursor.encode(w.createdEventId());
    }
}
