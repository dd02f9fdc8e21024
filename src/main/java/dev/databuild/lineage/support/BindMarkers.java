package dev.databuild.lineage.support;

import java.util.ArrayList;
import java.util.List;

/** The bind markers of SQL that jOOQ rendered: the {@code ?} outside string literals and quoted names. */
final class BindMarkers {

    private BindMarkers() {
    }

    /**
     * The text before, between and after the markers of {@code sql}; null unless there are exactly
     * {@code expected} of them, or where a comment, a brace, a colon before a name or a {@code ?}
     * that starts an operator could be read otherwise by jOOQ:
     * such a statement is sent as plain SQL, which jOOQ scans itself.
     */
    static String[] split(String sql, int expected) {
        List<String> pieces = new ArrayList<>(expected + 1);
        int start = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                // a doubled quote inside a literal or a name escapes itself and flips twice
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '}' || sql.startsWith("--", i) || sql.startsWith("/*", i)) {
                return null;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierPart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                // what jOOQ would take for a named marker
                return null;
            } else if (c == '?' && i + 1 < sql.length() && "|&-".indexOf(sql.charAt(i + 1)) >= 0) {
                // PostgreSQL's ?|, ?& and ?- operators, which jOOQ does not bind
                return null;
            } else if (c == '?') {
                pieces.add(sql.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(sql.substring(start));
        return quote == 0 && pieces.size() == expected + 1 ? pieces.toArray(String[]::new) : null;
    }
}
