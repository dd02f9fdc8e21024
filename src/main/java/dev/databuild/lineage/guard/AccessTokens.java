package dev.databuild.lineage.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bearer tokens, compared in constant time: both sides are hashed with SHA-256 first, so the
 * comparison takes the same time whatever the presented token's length or content.
 *
 * @param writeToken required by POST /api/events and /api/admin/**; also grants reads. Empty: writes are open.
 * @param readToken  required by /graphql and the read API when set. Empty: reads are open.
 */
@ConfigurationProperties("lineage.security")
public record AccessTokens(@DefaultValue("") String writeToken, @DefaultValue("") String readToken) {

    public boolean writeProtected() {
        return !writeToken.isEmpty();
    }

    public boolean readProtected() {
        return !readToken.isEmpty();
    }

    public boolean isWriteToken(String presented) {
        return writeProtected() && sameDigest(writeToken, presented);
    }

    public boolean isReadToken(String presented) {
        return readProtected() && sameDigest(readToken, presented);
    }

    private static boolean sameDigest(String expected, String presented) {
        return MessageDigest.isEqual(sha256(expected), sha256(presented));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java platform has SHA-256", ex);
        }
    }

    /** Never the tokens themselves: this record may end up in a log line or an actuator page. */
    @Override
    public String toString() {
        return "AccessTokens[writeToken=" + (writeProtected() ? "******" : "") + ", readToken=" + (readProtected() ? "******" : "") + "]";
    }
}
