package dev.databuild.lineage.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key of the edge, so a page after it stays correct while events
 * keep arriving (new rows never shift what comes after a key).
 */
public final class Cursor {

    private static final String VERSION = "k1";
    private static final String SEP = "\u001f";

    private Cursor() {
    }

    public static String encode(Object... keyParts) {
        StringBuilder sb = new StringBuilder(VERSION);
        for (Object part : keyParts) {
            sb.append(SEP).append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key parts of a cursor, checked to have the expected count. */
    public static List<String> decode(String argument, String cursor, int parts) {
        try {
            String[] split = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEP, -1);
            if (split.length == parts + 1 && VERSION.equals(split[0])) {
                return Arrays.asList(split).subList(1, split.length);
            }
        } catch (IllegalArgumentException ex) {
            // not base64: reported below like any other foreign cursor
        }
        throw ApiException.badArgument(argument, "'" + cursor + "' is not a cursor of this connection");
    }

    public static long longPart(String argument, String cursor, String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException ex) {
            throw ApiException.badArgument(argument, "'" + cursor + "' is not a cursor of this connection");
        }
    }
}
