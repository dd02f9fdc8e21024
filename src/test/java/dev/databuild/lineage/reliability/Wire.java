package dev.databuild.lineage.reliability;

import com.google.protobuf.CodedOutputStream;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Hand-made protobuf bytes, for inputs no well-behaved encoder would write. */
final class Wire {

    static final int VARINT = 0;
    static final int I64 = 1;
    static final int LEN = 2;
    static final int START_GROUP = 3;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Wire message() {
        return new Wire();
    }

    Wire varint(long value) {
        try {
            CodedOutputStream c = CodedOutputStream.newInstance(out);
            c.writeUInt64NoTag(value);
            c.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    Wire tag(int field, int wireType) {
        return varint(((long) field << 3) | wireType);
    }

    Wire varintField(int field, long value) {
        return tag(field, VARINT).varint(value);
    }

    Wire bytesField(int field, byte[] value) {
        return tag(field, LEN).varint(value.length).raw(value);
    }

    Wire stringField(int field, String value) {
        return bytesField(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Wire messageField(int field, Wire message) {
        return bytesField(field, message.bytes());
    }

    Wire raw(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    Wire raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** This message with its varint length prefix, as one entry of a delimited stream. */
    byte[] framed() {
        return message().varint(out.size()).raw(bytes()).bytes();
    }

    /** A want_create_v1 whose one partition ref has exactly these bytes. */
    static Wire wantWithRefBytes(String wantId, byte[] ref) {
        Wire want = message().stringField(1, wantId).messageField(2, message().bytesField(1, ref));
        return message().messageField(17, want);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }

    static byte[] delimited(List<DataBuildEvent> events) {
        return Http.delimited(events);
    }
}
