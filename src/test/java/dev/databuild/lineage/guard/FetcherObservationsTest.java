package dev.databuild.lineage.guard;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

/**
 * Data fetchers are wrapped for their observation only while graphql.datafetcher observations are on,
 * and the DataLoader registry is instrumented only while graphql.dataloader observations are on.
 */
class FetcherObservationsTest {

    private static final DataFetcher<String> FETCHER = env -> "value";

    @Test
    void fetchersAreLeftAloneWhileTheirObservationIsOff() {
        ObservationRegistry registry = registry();
        registry.observationConfig().observationPredicate((name, context) -> !name.equals(FetcherObservations.DATA_FETCHER));
        FetcherObservations observations = new FetcherObservations(registry, null, null, null);
        assertThat(observations.fetchersObserved()).isFalse();
        assertThat(observations.instrumentDataFetcher(FETCHER, nonTrivialFetch(), state(observations))).isSameAs(FETCHER);
    }

    @Test
    void fetchersAreObservedWhenTurnedOn() {
        FetcherObservations observations = new FetcherObservations(registry(), null, null, null);
        assertThat(observations.fetchersObserved()).isTrue();
        assertThat(observations.instrumentDataFetcher(FETCHER, nonTrivialFetch(), state(observations))).isNotSameAs(FETCHER);
    }

    @Test
    void theLoaderRegistryIsLeftAloneWhileBatchObservationsAreOff() {
        ObservationRegistry registry = registry();
        registry.observationConfig().observationPredicate((name, context) -> !name.equals(FetcherObservations.DATA_LOADER));
        FetcherObservations observations = new FetcherObservations(registry, null, null, null);
        ExecutionInput input = input();
        assertThat(observations.loadersObserved()).isFalse();
        assertThat(observations.instrumentExecutionInput(input, null, state(observations))).isSameAs(input);
    }

    @Test
    void theLoaderRegistryIsInstrumentedWhenBatchObservationsAreOn() {
        FetcherObservations observations = new FetcherObservations(registry(), null, null, null);
        ExecutionInput input = input();
        assertThat(observations.loadersObserved()).isTrue();
        ExecutionInput instrumented = observations.instrumentExecutionInput(input, null, state(observations));
        assertThat(instrumented.getDataLoaderRegistry()).isNotSameAs(input.getDataLoaderRegistry());
    }

    private static ExecutionInput input() {
        return ExecutionInput.newExecutionInput("{ __typename }").dataLoaderRegistry(new DataLoaderRegistry()).build();
    }

    /** A registry with no handler is a no-op for every name: one handler makes observations real. */
    private static ObservationRegistry registry() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(context -> true);
        return registry;
    }

    private static InstrumentationFieldFetchParameters nonTrivialFetch() {
        return new InstrumentationFieldFetchParameters(null, () -> null, null, false);
    }

    private static InstrumentationState state(FetcherObservations observations) {
        return observations.createStateAsync(new InstrumentationCreateStateParameters(null,
                ExecutionInput.newExecutionInput("{ __typename }").build())).join();
    }
}
