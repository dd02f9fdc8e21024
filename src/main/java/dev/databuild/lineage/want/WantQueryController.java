package dev.databuild.lineage.want;

import dev.databuild.lineage.support.ApiException;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.PageArgs;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Query.want and Query.wants. */
@Controller
class WantQueryController {

    private final WantQueries queries;
    private final GraphQlLimits limits;

    WantQueryController(WantQueries queries, GraphQlLimits limits) {
        this.queries = queries;
        this.limits = limits;
    }

    @QueryMapping
    CompletableFuture<Want> want(@Argument String wantId, DataFetchingEnvironment env) {
        return Loaders.<String, Want>load(env, WantLoaders.BY_ID, wantId).thenApply(w -> {
            if (w == null) {
                throw ApiException.notFound("want " + wantId);
            }
            return w;
        });
    }

    @QueryMapping
    Connection<Want> wants(@Argument String status, @Argument Integer first, @Argument String after,
                           @Argument Integer last, @Argument String before) {
        return queries.all(status, PageArgs.of(first, after, last, before, limits.maxPageSize()));
    }
}
