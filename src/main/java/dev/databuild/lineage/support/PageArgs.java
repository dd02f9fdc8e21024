package dev.databuild.lineage.support;

import graphql.schema.DataFetchingEnvironment;

/**
 * Validated page arguments of one connection field: {@code size} items after {@code cursor}
 * (first/after), or, when {@code backward}, the {@code size} items before it (last/before; without a
 * cursor, the end of the connection). Records compare by value, so the arguments can be part of a
 * DataLoader key and parents asking for the same page batch together.
 */
public record PageArgs(int size, String cursor, boolean backward) {

    public static final int DEFAULT_FIRST = 20;

    /** A forward page: the first {@code first} items after {@code after}. */
    public PageArgs(int first, String after) {
        this(first, after, false);
    }

    public static PageArgs of(Integer first, String after, int maxPageSize) {
        return of(first, after, null, null, maxPageSize);
    }

    /** The field's own first/after/last/before (null where the schema does not declare them), checked. */
    public static PageArgs requested(DataFetchingEnvironment env, int maxPageSize) {
        return of(env.getArgument("first"), env.getArgument("after"), env.getArgument("last"), env.getArgument("before"),
                maxPageSize);
    }

    public static PageArgs of(Integer first, String after, Integer last, String before, int maxPageSize) {
        String afterCursor = after == null || after.isEmpty() ? null : after;
        String beforeCursor = before == null || before.isEmpty() ? null : before;
        if (first != null && last != null) {
            throw ApiException.badArgument("last", "cannot be combined with 'first': page forward with first/after"
                    + " or backward with last/before");
        }
        boolean backward = last != null || beforeCursor != null;
        if (backward && afterCursor != null) {
            throw ApiException.badArgument("after", "cannot be combined with 'last' or 'before'; use 'before' to page backward");
        }
        if (backward && first != null) {
            throw ApiException.badArgument("before", "pages backward, with 'last'; use 'after' with 'first'");
        }
        String name = backward ? "last" : "first";
        Integer asked = backward ? last : first;
        int n = asked == null ? Math.min(DEFAULT_FIRST, maxPageSize) : asked;
        if (n < 0) {
            throw ApiException.badArgument(name, "must not be negative; got " + n);
        }
        if (n > maxPageSize) {
            throw ApiException.badArgument(name, n + " is above the page-size cap of " + maxPageSize
                    + " (lineage.graphql.max-page-size); page with '" + (backward ? "before" : "after") + "' instead");
        }
        return new PageArgs(n, backward ? beforeCursor : afterCursor, backward);
    }

    /** The argument the cursor came in: what a bad cursor is reported against. */
    public String cursorArgument() {
        return backward ? "before" : "after";
    }

    /** One row beyond the page: it only says whether more follow in the reading direction. */
    public int limit() {
        return size + 1;
    }
}
