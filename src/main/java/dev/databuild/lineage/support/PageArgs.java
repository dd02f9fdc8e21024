package dev.databuild.lineage.support;

/**
 * Validated {@code first}/{@code after} of one connection field. Records compare by value, so the
 * arguments can be part of a DataLoader key and parents asking for the same page batch together.
 */
public record PageArgs(int first, String after) {

    public static final int DEFAULT_FIRST = 20;

    public static PageArgs of(Integer first, String after, int maxPageSize) {
        int n = first == null ? Math.min(DEFAULT_FIRST, maxPageSize) : first;
        if (n < 0) {
            throw ApiException.badArgument("first", "must not be negative; got " + n);
        }
        if (n > maxPageSize) {
            throw ApiException.badArgument("first", n + " is above the page-size cap of " + maxPageSize
                    + " (lineage.graphql.max-page-size); page with 'after' instead");
        }
        return new PageArgs(n, after == null || after.isEmpty() ? null : after);
    }
}
