package dev.databuild.lineage.guard;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Spring's GraphQL observations (graphql.request, graphql.dataloader, graphql.datafetcher), except
 * that what an observation turned off would carry is not built at all:
 * <ul>
 * <li>A data fetcher is left unwrapped while graphql.datafetcher observations are off (the default
 * here, {@code management.observations.enable.graphql.datafetcher}). Spring wraps every non-trivial
 * fetcher even then: each call copied the fetcher's GraphQLContext and environment to carry a no-op
 * observation, and that copy made {@code ContextDataFetcherDecorator} merge the request's whole
 * context again for every field below it.
 * <li>The request's DataLoader registry is left as it is while graphql.dataloader observations are
 * off (also the default here). Spring rebuilds it for every request to instrument each loader, and
 * then starts and stops an observation around every batch, a no-op one when they are off.
 * </ul>
 */
public class FetcherObservations extends GraphQlObservationInstrumentation {

    static final String DATA_FETCHER = "graphql.datafetcher";
    static final String DATA_LOADER = "graphql.dataloader";

    private final boolean fetchersObserved;
    private final boolean loadersObserved;

    FetcherObservations(ObservationRegistry registry, ExecutionRequestObservationConvention request,
                        DataFetcherObservationConvention fetcher, DataLoaderObservationConvention loader) {
        super(registry, request, fetcher, loader);
        // the predicates Spring Boot registers from management.observations.enable.* decide by name
        this.fetchersObserved = !Observation.createNotStarted(DATA_FETCHER, registry).isNoop();
        this.loadersObserved = !Observation.createNotStarted(DATA_LOADER, registry).isNoop();
    }

    boolean fetchersObserved() {
        return fetchersObserved;
    }

    boolean loadersObserved() {
        return loadersObserved;
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        return loadersObserved ? super.instrumentExecutionInput(input, parameters, state) : input;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return fetchersObserved ? super.instrumentDataFetcher(fetcher, parameters, state) : fetcher;
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {
        /** Replaces Spring Boot's instrumentation bean (conditional on its absence), with the same conventions. */
        @Bean
        FetcherObservations graphQlObservationInstrumentation(ObservationRegistry registry,
                                                              ObjectProvider<ExecutionRequestObservationConvention> request,
                                                              ObjectProvider<DataFetcherObservationConvention> fetcher,
                                                              ObjectProvider<DataLoaderObservationConvention> loader) {
            return new FetcherObservations(registry, request.getIfAvailable(), fetcher.getIfAvailable(), loader.getIfAvailable());
        }
    }
}
