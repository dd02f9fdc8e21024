package dev.databuild.lineage.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "plain GraphQL server" baseline of issue 6: graphql-java built directly from the service's
 * schema.graphqls, each relation resolved by a data fetcher that runs its own statement per parent
 * object (no DataLoader), served over HTTP with JSON like ours, in the benchmark's JVM against the
 * same database. Deliberately not a Spring bean, so no other test picks it up.
 */
final class UnbatchedServer implements AutoCloseable {

    static {
        // Tomcat (ours) sets TCP_NODELAY; the JDK server does not by default, and Nagle's algorithm
        // against the client's delayed ACK would add ~40 ms to every response of the baseline.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final GraphQL graphql;
    private final HttpServer http;
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final JsonMapper json = JsonMapper.builder().build();

    UnbatchedServer(DSLContext db, int maxPageSize, int lineageMaxNodes) throws IOException {
        String sdl;
        try (InputStream in = UnbatchedServer.class.getResourceAsStream("/graphql/schema.graphqls")) {
            sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(dateTime())
                .scalar(longScalar())
                .type("Node", t -> t.typeResolver(env -> env.getSchema().getObjectType(env.getObject().getClass().getSimpleName())));
        UnbatchedInstances instances = new UnbatchedInstances(db, maxPageSize);
        new UnbatchedFields(db, maxPageSize).wire(wiring);
        new UnbatchedRuns(db, maxPageSize).wire(wiring);
        instances.wire(wiring);
        new UnbatchedLineage(db, instances, lineageMaxNodes).wire(wiring);
        graphql = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring.build())).build();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/graphql", this::handle);
        http.setExecutor(workers);
        http.start();
    }

    int port() {
        return http.getAddress().getPort();
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        int status = 200;
        try (InputStream in = exchange.getRequestBody()) {
            Map<String, Object> request = json.readValue(in.readAllBytes(), Map.class);
            Map<String, Object> variables = (Map<String, Object>) request.getOrDefault("variables", Map.of());
            ExecutionInput input = ExecutionInput.newExecutionInput((String) request.get("query"))
                    .operationName((String) request.get("operationName"))
                    .variables(variables == null ? Map.of() : variables).build();
            body = json.writeValueAsBytes(graphql.execute(input).toSpecification());
        } catch (RuntimeException ex) {
            status = 500;
            body = String.valueOf(ex).getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
    }

    /** DateTime as the service prints it: epoch millis in, ISO-8601 UTC out. */
    private static GraphQLScalarType dateTime() {
        return GraphQLScalarType.newScalar().name("DateTime").coercing(new Coercing<Instant, String>() {
            @Override
            public String serialize(Object value, GraphQLContext ctx, Locale locale) {
                return value instanceof Number n ? Instant.ofEpochMilli(n.longValue()).toString() : value.toString();
            }

            @Override
            public Instant parseValue(Object input, GraphQLContext ctx, Locale locale) {
                return Instant.parse(String.valueOf(input));
            }

            @Override
            public Instant parseLiteral(Value<?> input, CoercedVariables vars, GraphQLContext ctx, Locale locale) {
                return Instant.parse(((StringValue) input).getValue());
            }
        }).build();
    }

    private static GraphQLScalarType longScalar() {
        return GraphQLScalarType.newScalar().name("Long").coercing(new Coercing<Long, Long>() {
            @Override
            public Long serialize(Object value, GraphQLContext ctx, Locale locale) {
                return ((Number) value).longValue();
            }

            @Override
            public Long parseValue(Object input, GraphQLContext ctx, Locale locale) {
                return input instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(input));
            }

            @Override
            public Long parseLiteral(Value<?> input, CoercedVariables vars, GraphQLContext ctx, Locale locale) {
                return ((graphql.language.IntValue) input).getValue().longValueExact();
            }
        }).build();
    }
}
