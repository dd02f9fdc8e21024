package dev.databuild.lineage.guard;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

/** Data fetchers are wrapped for their observation only while graphql.datafetcher observations are on. */
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
