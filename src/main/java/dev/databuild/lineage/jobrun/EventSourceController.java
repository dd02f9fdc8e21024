package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.support.EventSource;
import dev.databuild.lineage.support.Loaders;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** EventSource.jobRun: the run behind a job-triggered event. */
@Controller
class EventSourceController {

    @SchemaMapping(typeName = "EventSource")
    CompletableFuture<JobRun> jobRun(EventSource source, DataFetchingEnvironment env) {
        return source.jobRunId() == null ? CompletableFuture.completedFuture(null)
                : Loaders.load(env, JobRunLoaders.BY_ID, source.jobRunId());
    }
}
