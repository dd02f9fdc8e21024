package dev.databuild.lineage.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the GraphQL API, under {@code lineage.graphql.*}. Every one of them is checked before
 * any SQL runs, except the page-size cap (checked by {@link PageArgs} when the field resolves) and
 * the request timeout. docs/limits.md explains how each is computed.
 *
 * @param maxPageSize        largest {@code first} any connection accepts
 * @param maxDepth           deepest field nesting an operation may select (introspection excluded)
 * @param maxComplexity      highest cost an operation may have: a connection costs its {@code first}
 *                           times what is selected in it
 * @param maxAliases         aliased fields per operation
 * @param maxRootFields      fields selected on Query per operation
 * @param lineageMaxNodes    node budget of one {@code lineage} graph (the walk stops there and says so); its cost assumes that many nodes
 * @param requestTimeout     deadline of one GraphQL request; past it the answer is a TIMEOUT error
 * @param maxRequestSize     largest POST body /graphql reads
 * @param slowQueryThreshold requests at least this long are logged with their operation name
 * @param maxOperationNames  distinct operation names used as metric tags; later ones count as "other"
 */
@ConfigurationProperties("lineage.graphql")
public record GraphQlLimits(
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("15") int maxDepth,
        @DefaultValue("500000") long maxComplexity,
        @DefaultValue("50") int maxAliases,
        @DefaultValue("20") int maxRootFields,
        @DefaultValue("2000") int lineageMaxNodes,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("1s") Duration slowQueryThreshold,
        @DefaultValue("100") int maxOperationNames) {

    @ConstructorBinding
    public GraphQlLimits {
    }

    /** The defaults with another page-size cap, for code that only pages. */
    public GraphQlLimits(int maxPageSize) {
        this(maxPageSize, 15, 500_000, 50, 20, 2000, Duration.ofSeconds(30), DataSize.ofMegabytes(1), Duration.ofSeconds(1), 100);
    }
}
