package dev.databuild.lineage.support;

import com.google.protobuf.util.JsonFormat;
import dev.databuild.lineage.proto.DataBuildEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A plain HTTP client for tests that talk to the running service the way scripts do. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public record Response(int status, String body, byte[] bytes, HttpResponse<byte[]> raw) {
    }

    private Http() {
    }

    public static Response post(int port, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    public static Response get(int port, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body(), r);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public static byte[] delimited(List<DataBuildEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (DataBuildEvent e : events) {
                e.writeDelimitedTo(out);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    public static byte[] jsonArray(List<DataBuildEvent> events) {
        StringBuilder sb = new StringBuilder("[");
        try {
            for (int i = 0; i < events.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(JsonFormat.printer().print(events.get(i)));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return sb.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Response postProtobuf(int port, List<DataBuildEvent> events) {
        return post(port, "/api/events", "application/x-protobuf", delimited(events));
    }
}
