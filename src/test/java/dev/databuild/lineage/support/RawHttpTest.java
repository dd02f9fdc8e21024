package dev.databuild.lineage.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark client reads both response framings, keeps its connection, and reconnects when told to close. */
class RawHttpTest {

    private HttpServer server;
    private final Set<Object> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            connections.add(exchange.getRemoteAddress());
            // counted before answering: the client may check as soon as it has read the answer
            served.incrementAndGet();
            byte[] request = exchange.getRequestBody().readAllBytes();
            byte[] body = (exchange.getRequestURI().getPath() + ":" + new String(request, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().equals("/close")) {
                exchange.getResponseHeaders().add("Connection", "close");
            }
            // 0: chunked; otherwise the exact length
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/chunked") ? 200 : 201,
                    exchange.getRequestURI().getPath().equals("/chunked") ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsFixedLengthAndChunkedBodiesOverOneConnection() {
        try (RawHttp client = new RawHttp(server.getAddress().getPort())) {
            var fixed = client.post("/fixed", "text/plain", "a".getBytes(StandardCharsets.UTF_8));
            var chunked = client.post("/chunked", "text/plain", "bb".repeat(10_000).getBytes(StandardCharsets.UTF_8));
            var again = client.post("/fixed", "text/plain", new byte[0]);

            assertThat(fixed.status()).isEqualTo(201);
            assertThat(fixed.body()).isEqualTo("/fixed:a");
            assertThat(chunked.status()).isEqualTo(200);
            assertThat(chunked.body()).isEqualTo("/chunked:" + "bb".repeat(10_000));
            assertThat(again.body()).isEqualTo("/fixed:");
            assertThat(connections).hasSize(1);
        }
    }

    @Test
    void reconnectsAfterTheServerClosesTheConnection() {
        try (RawHttp client = new RawHttp(server.getAddress().getPort())) {
            assertThat(client.post("/close", "text/plain", "x".getBytes(StandardCharsets.UTF_8)).body()).isEqualTo("/close:x");
            assertThat(client.post("/fixed", "text/plain", "y".getBytes(StandardCharsets.UTF_8)).body()).isEqualTo("/fixed:y");
            assertThat(connections).hasSize(2);
            assertThat(served).hasValue(2);
        }
    }
}
