package dev.databuild.lineage.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** One edit of a valid body: the mutations a fuzzer applies to reach the decoders' corners. */
record Mutation(Kind kind, int at, int length, int value) {

    enum Kind { FLIP, SET, INSERT, DELETE, DUPLICATE, TRUNCATE, HUGE_VARINT, JSON_TOKEN }

    /** Bytes that mean something to a varint, a tag or UTF-8. */
    private static final int[] INTERESTING = {0x00, 0x01, 0x7f, 0x80, 0xff, 0xc0, 0xed, 0x0a, 0x12, 0x08, 0x22, '"', '\\', '[', '{'};

    /** JSON values that are each wrong somewhere: overflow, wrong type, bad text. */
    private static final List<String> TOKENS = List.of("-1", "0", "18446744073709551615", "18446744073709551616", "9223372036854775807",
            "1e400", "1.5", "null", "true", "[]", "{}", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"x\"", "[[[[[[[[", "}}}}", ",", ":");

    /** Any kind; position and value are reduced modulo what the body offers when applied. */
    static Mutation random(SplittableRandom rng) {
        Kind[] kinds = Kind.values();
        return new Mutation(kinds[rng.nextInt(kinds.length)], rng.nextInt() & Integer.MAX_VALUE, rng.nextInt(1, 65),
                rng.nextInt() & Integer.MAX_VALUE);
    }

    /** One to {@code maxCount} mutations, applied in order. */
    static List<Mutation> random(SplittableRandom rng, int maxCount) {
        int n = rng.nextInt(1, maxCount + 1);
        List<Mutation> mutations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            mutations.add(random(rng));
        }
        return mutations;
    }

    static byte[] applyAll(byte[] body, List<Mutation> mutations) {
        byte[] b = body;
        for (Mutation m : mutations) {
            b = m.apply(b);
        }
        return b;
    }

    byte[] apply(byte[] b) {
        int n = b.length;
        int p = n == 0 ? 0 : at % n;
        return switch (kind) {
            case FLIP -> n == 0 ? b : with(b, p, (byte) (b[p] ^ (1 << (value % 8))));
            case SET -> n == 0 ? b : with(b, p, (byte) INTERESTING[value % INTERESTING.length]);
            case INSERT -> splice(b, p, 0, randomBytes());
            case DELETE -> splice(b, p, Math.min(length, n - p), new byte[0]);
            case DUPLICATE -> splice(b, value % (n + 1), 0, Arrays.copyOfRange(b, p, Math.min(n, p + length * 4)));
            case TRUNCATE -> Arrays.copyOf(b, p);
            case HUGE_VARINT -> splice(b, p, 0, new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f});
            case JSON_TOKEN -> splice(b, p, Math.min(length % 8, n - p), TOKENS.get(value % TOKENS.size()).getBytes(StandardCharsets.UTF_8));
        };
    }

    private byte[] randomBytes() {
        byte[] r = new byte[1 + length % 8];
        for (int i = 0; i < r.length; i++) {
            r[i] = (byte) ((value >>> (i * 3)) * 31 + i);
        }
        return r;
    }

    private static byte[] with(byte[] b, int p, byte v) {
        byte[] c = b.clone();
        c[p] = v;
        return c;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, at);
        out.writeBytes(insert);
        out.write(b, at + remove, b.length - at - remove);
        return out.toByteArray();
    }
}
