package dev.databuild.lineage.jobrun;

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

/** Query.jobRun and Query.jobRuns. */
@Controller
class JobRunQueryController {

    private final JobRunQueries queries;
    private final GraphQlLimits limits;

    JobRunQueryController(JobRunQueries queries, GraphQlLimits limits) {
        this.queries = queries;
        this.limits = limits;
    }

    @QueryMapping
    CompletableFuture<JobRun> jobRun(@Argument String jobRunId, DataFetchingEnvironment env) {
        return Loaders.<String, JobRun>load(env, JobRunLoaders.BY_ID, jobRunId).thenApply(run -> {
            if (run == null) {
                throw ApiException.notFound("job run " + jobRunId);
            }
            return run;
        });
    }

    @QueryMapping
    Connection<JobRun> jobRuns(@Argument String jobLabel, @Argument String status, @Argument Integer first,
                               @Argument String after, @Argument Integer last, @Argument String before) {
        return queries.all(jobLabel, status, PageArgs.of(first, after, last, before, limits.maxPageSize()));
    }
}
