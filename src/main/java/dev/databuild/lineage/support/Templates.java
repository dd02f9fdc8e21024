package dev.databuild.lineage.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RenderContext;
import org.jooq.Result;
import org.jooq.SQL;
import org.jooq.Select;
import org.jooq.conf.ParamType;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.DSL;

/**
 * Statements rendered once per shape, then sent with each call's keys. jOOQ builds and renders a
 * query anew on every execution: ~35 µs for a page statement, against ~3 µs for JDBC to send the
 * same text, and a fifth to a third of a small view's time (JFR), although a view sends the same
 * few shapes again and again. jOOQ's manual suggests caching the SQL; this does, keyed by a shape
 * the caller names: everything that decides the text and the values bound besides the keys.
 *
 * <p>The query is built once with a stand-in for its key; on each call, the bind values equal to
 * the stand-in are replaced by the key. It still runs through jOOQ, as its text cut at the bind
 * markers with the values bound between the pieces, so the execute listeners (statement counting,
 * timeouts) see it as before. With assertions on (the tests), every call also builds and renders
 * the query the old way and fails unless text and values agree, so a shape that misses something
 * its query depends on fails the test that varies it; and the cut statement must send what jOOQ's
 * plain SQL of the same text would.
 */
public final class Templates {

    private static final boolean VERIFY = Templates.class.desiredAssertionStatus();
    /** A bound on memory: shapes are per call site, page size and direction, so far fewer in practice. */
    private static final int MAX_SHAPES = 10_000;
    private static final ConcurrentMap<List<Object>, Template> CACHE = new ConcurrentHashMap<>();
    /** Off: every statement is built and rendered as jOOQ does (RequestProfile's A/B in one JVM). */
    private static volatile boolean enabled = true;

    /**
     * @param pieces the text between its bind markers, one more than {@code values}; null where
     *               they could not be told apart, and the text is sent as plain SQL
     * @param types  each value's type as plain SQL infers it from its class, looked up once
     */
    private record Template(String sql, Field<?>[] fields, List<Object> values, String[] pieces, DataType<?>[] types) {
    }

    private Templates() {
    }

    /**
     * @param shape   what decides the query's text and its values other than the key; null to
     *                build and render it as jOOQ does
     * @param build   the query for a key
     * @param standIn a key no real one equals, of the same type, which the template is built with
     * @param key     this call's key
     */
    public static <K> Result<Record> fetch(DSLContext db, List<?> shape, Function<K, ? extends Select<? extends Record>> build,
                                           K standIn, K key) {
        return fetch(db, shape, build, standIn, key, List::of);
    }

    /**
     * Same for a key made of several values, e.g. a ref and an instant: each of the stand-in's
     * {@code parts} is replaced by the key's part wherever it is bound.
     */
    public static <K> Result<Record> fetch(DSLContext db, List<?> shape, Function<K, ? extends Select<? extends Record>> build,
                                           K standIn, K key, Function<K, List<?>> parts) {
        if (shape == null || !enabled) {
            return fetchAsRecords(build.apply(key));
        }
        List<Object> cacheKey = new ArrayList<>(shape);
        cacheKey.add(db.dialect());
        Template template = CACHE.get(cacheKey);
        if (template == null) {
            template = render(db, build.apply(standIn));
            if (CACHE.size() < MAX_SHAPES) {
                CACHE.putIfAbsent(List.copyOf(cacheKey), template);
            }
        }
        Object[] values = template.values().toArray();
        List<?> from = parts.apply(standIn);
        List<?> to = parts.apply(key);
        for (int i = 0; i < values.length; i++) {
            int part = indexOf(from, values[i]);
            if (part >= 0) {
                values[i] = to.get(part);
            }
        }
        if (VERIFY) {
            verify(db, shape, template, values, build.apply(key));
        }
        return db.resultQuery(statement(template, values)).coerce(template.fields()).fetch();
    }

    /**
     * The template with {@code values}. jOOQ would scan plain SQL for its markers on every call
     * (a tenth of a small view's time); the pieces were cut once, and each value is bound as plain
     * SQL binds it: as a value rendered without a cast where statements are sent with markers.
     */
    private static SQL statement(Template template, Object[] values) {
        if (template.pieces() == null) {
            return DSL.sql(template.sql(), values);
        }
        String[] pieces = template.pieces();
        DataType<?>[] types = template.types();
        return DSL.sql("{0}", CustomQueryPart.of(ctx -> {
            boolean marked = ctx instanceof RenderContext render && render.paramType() != ParamType.INLINED
                    && render.paramType() != ParamType.NAMED && render.paramType() != ParamType.NAMED_OR_INLINED;
            RenderContext.CastMode previous = ctx.castMode();
            for (int i = 0; i < values.length; i++) {
                ctx.sql(pieces[i]);
                Field<?> value = types[i] != null && types[i].getType().isInstance(values[i])
                        ? DSL.val(values[i], types[i]) : DSL.val(values[i]);
                if (marked) {
                    ctx.castMode(RenderContext.CastMode.NEVER).visit(value).castMode(previous);
                } else {
                    ctx.visit(value);
                }
            }
            ctx.sql(pieces[values.length]);
        }));
    }

    private static int indexOf(List<?> parts, Object value) {
        for (int j = 0; j < parts.size(); j++) {
            if (Objects.deepEquals(value, parts.get(j))) {
                return j;
            }
        }
        return -1;
    }

    /** A key of {@code type} that no real one equals: what a template is built with. */
    @SuppressWarnings("unchecked")
    public static <K> K standIn(Class<K> type) {
        if (type == String.class) {
            return (K) "\u0001stand-in";
        }
        if (type == Long.class) {
            return (K) Long.valueOf(0x5354414e442d494eL);
        }
        if (type == java.util.UUID.class) {
            return (K) new java.util.UUID(0x5354414e442d494eL, 0x5354414e442d494eL);
        }
        throw new IllegalArgumentException("no stand-in for keys of " + type);
    }

    /** {@code count} distinct keys of {@code type} that no real one equals, for a template over that many. */
    @SuppressWarnings("unchecked")
    public static <K> K[] standIns(Class<K> type, int count) {
        K[] out = (K[]) java.lang.reflect.Array.newInstance(type, count);
        K first = standIn(type);
        for (int i = 0; i < count; i++) {
            Object next = first instanceof String s ? s + i
                    : first instanceof Long l ? l + i
                    : new java.util.UUID(((java.util.UUID) first).getMostSignificantBits(), ((java.util.UUID) first).getLeastSignificantBits() + i);
            out[i] = (K) next;
        }
        return out;
    }

    /** Turns templates off (every statement built and rendered each time) or back on: for A/B profiles only. */
    public static void enabled(boolean on) {
        enabled = on;
    }

    /** How many shapes are cached: for tests. */
    static int size() {
        return CACHE.size();
    }

    /**
     * The fields are the select list's own: records look fields up by identity first. fields()
     * returns copies, which a record can only match by name, ambiguously (and logged) where two
     * tables share a column name.
     */
    private static Template render(DSLContext db, Select<? extends Record> query) {
        String sql = db.render(query);
        List<Object> values = db.extractBindValues(query);
        DataType<?>[] types = values.stream().map(v -> v == null ? null : DSL.getDataType(v.getClass())).toArray(DataType<?>[]::new);
        return new Template(sql, query.getSelect().toArray(Field<?>[]::new), values, BindMarkers.split(sql, values.size()), types);
    }

    @SuppressWarnings("unchecked")
    private static Result<Record> fetchAsRecords(Select<? extends Record> query) {
        return (Result<Record>) query.fetch();
    }

    private static void verify(DSLContext db, List<?> shape, Template template, Object[] values, Select<? extends Record> query) {
        Template actual = render(db, query);
        if (!actual.sql().equals(template.sql()) || !Objects.deepEquals(actual.values().toArray(), values)) {
            throw new IllegalStateException("shape " + shape + " does not decide its statement:\n" + template.sql() + "\n"
                    + java.util.Arrays.asList(values) + "\nbut the query is now\n" + actual.sql() + "\n" + actual.values());
        }
        // the pieces, bound, must send what jOOQ's plain SQL would: the same text and the same values
        var plain = db.resultQuery(template.sql(), values);
        var cut = db.resultQuery(statement(template, values));
        if (!db.render(plain).equals(db.render(cut)) || !db.extractBindValues(plain).equals(db.extractBindValues(cut))) {
            throw new IllegalStateException("the statement of shape " + shape + " cut at its bind markers sends\n"
                    + db.render(cut) + "\ninstead of\n" + db.render(plain));
        }
    }
}
