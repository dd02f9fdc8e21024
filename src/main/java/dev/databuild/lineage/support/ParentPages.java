package dev.databuild.lineage.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Select;

/**
 * "The first N children of each parent" in one statement. Each parent's branch is an index-ordered
 * seek with its own LIMIT, and the branches are glued with UNION ALL: a parent read by 100,000 runs
 * costs one page, not its fan-out. (ROW_NUMBER() OVER (PARTITION BY parent) numbers every child of
 * every parent before filtering, so a hub's first page would cost its whole fan-out.)
 */
public final class ParentPages {

    /** Parents per statement; a larger batch becomes a few statements rather than one huge one. */
    public static final int MAX_PARENTS_PER_STATEMENT = 500;

    private ParentPages() {
    }

    /**
     * @param branch the query for one parent: its seek predicate, ORDER BY and LIMIT first+1, and a
     *               column naming the parent so the rows can be grouped back
     */
    public static <K, R extends Record> List<R> fetch(DSLContext db, List<K> parents, Function<K, Select<R>> branch) {
        List<R> all = new ArrayList<>();
        for (int from = 0; from < parents.size(); from += MAX_PARENTS_PER_STATEMENT) {
            List<K> chunk = parents.subList(from, Math.min(parents.size(), from + MAX_PARENTS_PER_STATEMENT));
            Select<R> union = branch.apply(chunk.get(0));
            for (int i = 1; i < chunk.size(); i++) {
                union = union.unionAll(branch.apply(chunk.get(i)));
            }
            all.addAll(db.fetch(union));
        }
        return all;
    }

    /**
     * Same; a lone parent's statement is rendered once per {@code shape} ({@link Templates}).
     *
     * @param shape what decides the branch's text and values besides the parent, or null
     * @param type  the parent key's type
     */
    public static <K> List<Record> fetch(DSLContext db, List<K> parents, Function<K, Select<Record>> branch,
                                         List<?> shape, Class<K> type) {
        return fetch(db, parents, branch, shape, Templates.standIn(type), List::of);
    }

    /** Same for a parent key of several values ({@code parts}), e.g. a ref and an instant. */
    public static <K> List<Record> fetch(DSLContext db, List<K> parents, Function<K, Select<Record>> branch,
                                         List<?> shape, K standIn, Function<K, List<?>> parts) {
        if (shape != null && parents.size() == 1) {
            return Templates.fetch(db, shape, branch, standIn, parents.get(0), parts);
        }
        return fetch(db, parents, branch);
    }
}
