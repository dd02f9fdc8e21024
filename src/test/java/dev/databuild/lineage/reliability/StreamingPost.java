package dev.databuild.lineage.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts a body of any size over a plain socket, generated on the fly from a repeated pattern (never
 * held in memory), while reading the answer concurrently: a server refusing a huge body answers
 * before the client has finished sending it, and then closes the connection.
 */
final class StreamingPost {

    record Answer(int status, String body, long bytesSent) {
    }

    private StreamingPost() {
    }

    /** With {@code chunked} no Content-Length is sent, so the server only finds out by reading. */
    static Answer post(int port, String contentType, byte[] pattern, long size, boolean chunked) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /api/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> send(out, pattern, size, chunked, sent), "streaming-post");
            writer.setDaemon(true);
            writer.start();
            Answer answer = read(socket.getInputStream(), sent);
            socket.close(); // stops the writer if the server has not closed the connection itself
            writer.join(10_000);
            return new Answer(answer.status(), answer.body(), sent.get());
        }
    }

    private static void send(OutputStream out, byte[] pattern, long size, boolean chunked, AtomicLong sent) {
        try {
            while (sent.get() < size) {
                int n = (int) Math.min(pattern.length, size - sent.get());
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(pattern, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                sent.addAndGet(n);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException expected) {
            // the server stopped reading and closed the connection: that is the point
        }
    }

    /** The status line, headers up to the blank line, then Content-Length bytes or up to the close. */
    private static Answer read(InputStream in, AtomicLong sent) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        while (!headers.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new UncheckedIOException(new IOException("connection closed before a response; sent " + sent.get()));
            }
            headers.write(b);
        }
        String head = headers.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.substring(9, 12));
        long length = -1;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (length >= 0) {
            body.writeBytes(in.readNBytes((int) length));
        } else {
            // chunked answer: good enough for a small JSON error body
            byte[] buf = new byte[8192];
            for (int n; !body.toString(StandardCharsets.UTF_8).endsWith("0\r\n\r\n") && (n = in.read(buf)) > 0; ) {
                body.write(buf, 0, n);
            }
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8), sent.get());
    }
}
