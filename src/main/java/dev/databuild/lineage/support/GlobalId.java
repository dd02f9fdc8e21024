package dev.databuild.lineage.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque Relay global ids: base64url of "Type:key". Clients must not parse them. */
public record GlobalId(String type, String key) {

    public static String of(String type, String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static GlobalId parse(String argument, String id) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            throw ApiException.badArgument(argument, "'" + id + "' is not a global id returned by this API");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw ApiException.badArgument(argument, "'" + id + "' is not a global id returned by this API");
        }
        return new GlobalId(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
