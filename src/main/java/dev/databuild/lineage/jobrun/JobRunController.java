package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.want.Want;
import dev.databuild.lineage.want.WantLoaders;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** JobRun's history, retries and wants; what it read and wrote is in {@link JobRunDataController}. */
@Controller
@SchemaMapping(typeName = "JobRun")
class JobRunController {

    private final int maxPageSize;
    /**
     * The relations of a run that need only its id, each loaded as its field would load it with no
     * arguments: they are called with the environment of {@code previousAttempt}, which has none.
     */
    private final Map<String, BiConsumer<JobRun, DataFetchingEnvironment>> firstPages;

    JobRunController(GraphQlLimits limits, JobRunDataController data) {
        this.maxPageSize = limits.maxPageSize();
        this.firstPages = Map.of(
                "read", data::read,
                "wrote", data::wrote,
                "missingDeps", data::missingDeps,
                "upstream", data::upstream,
                "downstream", data::downstream,
                "scheduledFor", this::scheduledFor,
                "derivativeWants", this::derivativeWants);
    }

    /**
     * The three retry fields read the run's whole chain through one loader keyed by its first run:
     * a view asking for the previous attempt, the next one and all of them costs one statement, and
     * the previous attempt's own links are already loaded. Only its id costs nothing: the run's row has it.
     *
     * <p>The previous attempt's relations are keyed by its id alone, which this run's row holds. So
     * those it selects without arguments are asked for here, with this level's: they share the
     * statements of this run's own (a view showing both runs' {@code wrote}, {@code missingDeps}
     * and {@code derivativeWants} sends each once), and its fields find them loaded a level later.
     */
    @SchemaMapping
    CompletableFuture<JobRun> previousAttempt(JobRun run, DataFetchingEnvironment env) {
        if (run.previousAttemptId() == null || JobRunLoaders.asksOnlyIdentity(env)) {
            return JobRunLoaders.byId(env, run.previousAttemptId());
        }
        JobRun previous = JobRun.reference(run.previousAttemptId());
        for (String field : Loaders.plainSelections(env)) {
            firstPages.getOrDefault(field, (r, e) -> { }).accept(previous, env);
        }
        return attempts(run, env).thenApply(chain -> find(chain, r -> r.jobRunId().equals(run.previousAttemptId())));
    }

    @SchemaMapping
    CompletableFuture<JobRun> nextAttempt(JobRun run, DataFetchingEnvironment env) {
        return attempts(run, env).thenApply(chain -> find(chain, r -> run.jobRunId().equals(r.previousAttemptId())));
    }

    /** The chain's runs also answer later lookups by id in the request, e.g. a derivative want's triggeredBy. */
    @SchemaMapping
    CompletableFuture<List<JobRun>> attempts(JobRun run, DataFetchingEnvironment env) {
        DataLoader<String, JobRun> byId = env.getDataLoader(JobRunLoaders.BY_ID);
        return Loaders.<String, List<JobRun>>load(env, JobRunLoaders.CHAIN, run.attemptRootId()).thenApply(chain -> {
            chain.forEach(r -> byId.prime(r.jobRunId(), r));
            return chain;
        });
    }

    private static JobRun find(List<JobRun> chain, Predicate<JobRun> which) {
        return chain.stream().filter(which).findFirst().orElse(null);
    }

    @SchemaMapping
    CompletableFuture<Connection<Want>> scheduledFor(JobRun run, DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID.page(env, WantLoaders.SCHEDULED_FOR_RUN, run.jobRunId(), maxPageSize);
    }

    @SchemaMapping
    CompletableFuture<Connection<Want>> derivativeWants(JobRun run, DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID.page(env, WantLoaders.DERIVED_FROM_RUN, run.jobRunId(), maxPageSize);
    }
}
