package dev.databuild.lineage.guard;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parsed and validated documents by their text. GraphiQL, Apollo, Relay and scripts send the same
 * few documents again and again with other variables, and parsing and validating one costs as much
 * as answering a small view. Only the document is kept: the limits that depend on variables (cost,
 * depth, page sizes) are still checked on every request ({@link QueryLimits}).
 *
 * <p>Bounded: the {@code lineage.graphql.document-cache-size} most recently used documents of at most
 * {@value #MAX_CACHED_LENGTH} characters each, so a client sending endless distinct documents evicts
 * old ones and never grows the heap. Documents with parse or validation errors are not kept.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache implements PreparsedDocumentProvider {

    static final int MAX_CACHED_LENGTH = 16 * 1024;

    private final Map<String, PreparsedDocumentEntry> documents;

    DocumentCache(@Value("${lineage.graphql.document-cache-size:500}") int size) {
        if (size < 0) {
            throw new IllegalArgumentException("lineage.graphql.document-cache-size must be 0 (no cache) or more; got " + size);
        }
        this.documents = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > size;
            }
        };
    }

    @Bean
    GraphQlSourceBuilderCustomizer documentCacheCustomizer() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        PreparsedDocumentEntry cached;
        synchronized (documents) {
            cached = documents.get(text);
        }
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        // parsed outside the lock: two requests may parse one new document twice, none waits on another
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors() && text.length() <= MAX_CACHED_LENGTH) {
            synchronized (documents) {
                documents.put(text, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        synchronized (documents) {
            return documents.size();
        }
    }
}
