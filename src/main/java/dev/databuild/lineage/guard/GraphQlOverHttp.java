package dev.databuild.lineage.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP at /graphql, GET and POST, ahead of Spring's handler (which serves POST only,
 * matches Accept types only without parameters, answers malformed requests with empty bodies and
 * cannot tell a deadline from a validation error). Execution still goes through Spring's
 * WebGraphQlHandler and its interceptors.
 *
 * <p>Status codes: application/json answers every well-formed request with 200; with
 * application/graphql-response+json a response without data is 400 (parse, validation, limits) or
 * 504 (the request deadline). Requests that are not well-formed get 400/405/406/413/415.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlOverHttp {

    private final WebGraphQlHandler graphQl;
    private final GraphQlRequestReader reader;
    private final JsonMapper json;
    private final IdGenerator ids = new AlternativeJdkIdGenerator();

    GraphQlOverHttp(WebGraphQlHandler graphQl, GraphQlRequestReader reader, JsonMapper json) {
        this.graphQl = graphQl;
        this.reader = reader;
        this.json = json;
    }

    /** Ordered before Boot's GraphQL routes, which then only serve GraphiQL and /graphql/schema. */
    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphQlOverHttpRoutes(GraphQlProperties properties) {
        String path = properties.getHttp().getPath();
        return RouterFunctions.route()
                .GET(path, request -> handle(request, false))
                .POST(path, request -> handle(request, true))
                .build();
    }

    private ServerResponse handle(ServerRequest request, boolean post) throws IOException {
        MediaType type = MediaType.APPLICATION_JSON;
        try {
            type = ResponseMediaTypes.negotiate(request.headers().firstHeader(HttpHeaders.ACCEPT));
            Map<String, Object> body = post ? reader.fromBody(request) : reader.fromQueryString(request);
            return execute(request, body, type);
        } catch (HttpProblem problem) {
            return ServerResponse.status(problem.status()).headers(h -> h.addAll(problem.headers()))
                    .contentType(withUtf8(type)).body(problem.graphQlBody());
        }
    }

    private ServerResponse execute(ServerRequest request, Map<String, Object> body, MediaType type) {
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                cookies(request), request.remoteAddress().orElse(null), request.attributes(), body,
                ids.generateId().toString(), LocaleContextHolder.getLocale());
        CompletableFuture<ServerResponse> response = graphQl.handleRequest(graphQlRequest).map(r -> write(r, type)).toFuture();
        // Execution usually completes on this thread; answer directly rather than dispatching async
        return response.isDone() && !response.isCompletedExceptionally() ? response.join() : ServerResponse.async(response);
    }

    private ServerResponse write(WebGraphQlResponse response, MediaType type) {
        return ServerResponse.status(status(response, type)).headers(h -> h.addAll(response.getResponseHeaders()))
                .contentType(withUtf8(type)).body(json.writeValueAsBytes(response.toMap()));
    }

    static HttpStatus status(WebGraphQlResponse response, MediaType type) {
        if (!type.equals(ResponseMediaTypes.GRAPHQL_RESPONSE) || response.getExecutionResult().isDataPresent()) {
            return HttpStatus.OK;
        }
        boolean deadline = response.getErrors().stream().anyMatch(e -> e.getErrorType() == LimitError.TIMEOUT);
        return deadline ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_REQUEST;
    }

    private static MediaType withUtf8(MediaType type) {
        return new MediaType(type, StandardCharsets.UTF_8);
    }

    private static MultiValueMap<String, HttpCookie> cookies(ServerRequest request) {
        MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
        request.cookies().forEach((name, values) -> values.forEach(c -> cookies.add(name, new HttpCookie(name, c.getValue()))));
        return cookies;
    }
}
