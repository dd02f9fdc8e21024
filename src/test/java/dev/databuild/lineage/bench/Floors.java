package dev.databuild.lineage.bench;

import dev.databuild.lineage.support.StatusHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/**
 * The hand-written SQL floors under src/test/resources/bench/floor-*.sql: one statement each, run
 * through plain JDBC with every column read into a Java object. Each file says, in its comments,
 * which part of our JSON answer each section of rows stands for; {@link #check} holds it to that.
 */
final class Floors {

    private static final Pattern ROWS = Pattern.compile("^-- (rows|superset|packed) '(\\w+)' = (.+)$", Pattern.MULTILINE);
    private static final Pattern PARAM = Pattern.compile("(?<![:\\w]):([a-z]\\w*)");

    /**
     * One loaded floor: the JDBC text, its parameter names in order, and the section mappings.
     * {@code packed} names the sections whose rows each carry a status history packed in one
     * column ("-- packed 'x' = column"): the floor unpacks it as the service does, one entry a row.
     */
    record Floor(String name, String sql, List<String> params, Map<String, List<String>> rows, Map<String, String> supersets,
            Map<String, String> packed) {
    }

    /** What one run of a floor returned: every row's values, and per section the rows and keys. */
    record Result(int rows, Map<String, Integer> perSection, Map<String, Set<String>> keys, List<Long> totals) {
    }

    private final DataSource dataSource;

    Floors(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static Floor load(String name) {
        String text;
        try (InputStream in = Floors.class.getResourceAsStream("/bench/floor-" + name + ".sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Map<String, String> supersets = new LinkedHashMap<>();
        Map<String, String> packed = new LinkedHashMap<>();
        Matcher m = ROWS.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("rows")) {
                rows.put(m.group(2), List.of(m.group(3).trim().split("\\s*,\\s*")));
            } else if (m.group(1).equals("packed")) {
                packed.put(m.group(2), m.group(3).trim());
            } else {
                supersets.put(m.group(2), m.group(3).trim());
            }
        }
        String sql = text.replaceAll("(?m)^\\s*--.*$", "");
        List<String> params = new ArrayList<>();
        Matcher p = PARAM.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (p.find()) {
            params.add(p.group(1));
            p.appendReplacement(jdbc, "?");
        }
        p.appendTail(jdbc);
        return new Floor(name, jdbc.toString(), params, rows, supersets, packed);
    }

    Result run(Floor floor, Map<String, Object> values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(floor.sql())) {
            for (int i = 0; i < floor.params().size(); i++) {
                s.setObject(i + 1, values.get(floor.params().get(i)));
            }
            List<Object[]> all = new ArrayList<>();
            Map<String, Integer> perSection = new HashMap<>();
            Map<String, Set<String>> keys = new HashMap<>();
            List<Long> totals = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                int k = rs.findColumn("k");
                int n1 = rs.findColumn("n1");
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    all.add(row);
                    String section = (String) row[0];
                    String packedIn = floor.packed().get(section);
                    perSection.merge(section, packedIn == null ? 1
                            : StatusHistory.parse(rs.getString(packedIn), (status, at, eventId) -> status).size(), Integer::sum);
                    keys.computeIfAbsent(section, x -> new HashSet<>()).add(String.valueOf(row[k - 1]));
                    if (section.equals("total")) {
                        totals.add(((Number) row[n1 - 1]).longValue());
                    }
                }
            }
            return new Result(all.size(), perSection, keys, totals);
        } catch (SQLException ex) {
            String m = String.valueOf(ex.getMessage());
            int at = m.indexOf("[*]");
            throw new IllegalStateException("floor " + floor.name() + " failed: "
                    + (at < 0 ? m.substring(0, Math.min(m.length(), 400)) : m.substring(Math.max(0, at - 200), Math.min(m.length(), at + 200))));
        }
    }

    /** Null when the floor's rows stand for {@code data} as its comments say; else what differs. */
    static String check(Floor floor, Result result, JsonNode data) {
        List<String> problems = new ArrayList<>();
        floor.rows().forEach((section, paths) -> {
            long expected = section.equals("total") ? JsonPaths.totals(data).size()
                    : paths.stream().mapToLong(path -> JsonPaths.select(data, path).size()).sum();
            int got = result.perSection().getOrDefault(section, 0);
            if (got != expected) {
                problems.add(section + ": " + got + " rows, answer has " + expected);
            }
        });
        if (floor.rows().containsKey("total")) {
            List<Long> ours = JsonPaths.totals(data).stream().sorted().toList();
            List<Long> theirs = result.totals().stream().sorted().toList();
            if (!ours.equals(theirs)) {
                problems.add("totalCount values: floor " + theirs + ", answer " + ours);
            }
        }
        floor.supersets().forEach((section, path) -> {
            Set<String> missing = new HashSet<>();
            JsonPaths.select(data, path).forEach(v -> missing.add(v.asString()));
            missing.removeAll(result.keys().getOrDefault(section, Set.of()));
            if (!missing.isEmpty()) {
                problems.add(section + ": " + missing.size() + " of the answer's values not in the floor's rows, e.g. "
                        + missing.iterator().next());
            }
        });
        return problems.isEmpty() ? null : floor.name() + ": " + String.join("; ", problems);
    }
}
