package dev.databuild.lineage.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The cheapest HTTP/1.1 client that is still one: a blocking socket kept alive between requests, as
 * {@code curl} or {@code wrk} would send them. For timing a server: the JDK's {@code HttpClient}
 * hands each exchange to its selector thread and back through futures, which cost ~30% of a 2-core
 * machine's samples while a small view is timed (a JFR profile of {@code RequestProfile}), CPU the
 * server then lacks. One instance per thread; it reconnects when the server closes the connection.
 */
public final class RawHttp implements AutoCloseable {

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawHttp(int port) {
        this.port = port;
    }

    /** POSTs {@code body}; a request the server closed the kept-alive connection under is sent again once. */
    public Http.Response post(String path, String contentType, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: " + contentType
                + "\r\nAccept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int attempt = 0; ; attempt++) {
            boolean reused = socket != null;
            try {
                connect();
                out.write(head);
                out.write(body);
                out.flush();
                return read();
            } catch (IOException ex) {
                close();
                if (!reused || attempt > 0) {
                    throw new UncheckedIOException(ex);
                }
            }
        }
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket("localhost", port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
    }

    private Http.Response read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                bytes.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            bytes.write(in.readNBytes((int) length));
        } else {
            bytes.write(in.readAllBytes());
            closing = true;
        }
        if (closing) {
            close();
        }
        byte[] body = bytes.toByteArray();
        return new Http.Response(code, new String(body, StandardCharsets.UTF_8), body, null);
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed mid-response");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket we are done with
            }
            socket = null;
        }
    }
}
