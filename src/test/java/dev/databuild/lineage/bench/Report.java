package dev.databuild.lineage.bench;

import dev.databuild.lineage.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects result rows and prints them as Markdown, to stdout and target/benchmark-<db>-<events>.md. */
final class Report {

    private final List<String> lines = new ArrayList<>();
    private final long events;

    Report(long events, int hub, String shape) {
        this.events = events;
        Runtime rt = Runtime.getRuntime();
        lines.add("## Benchmark: " + TestDatabase.kind() + ", " + events + " events");
        lines.add("");
        lines.add("Machine: " + rt.availableProcessors() + " cores, max heap " + rt.maxMemory() / (1 << 20)
                + " MB, Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", database " + TestDatabase.kind() + " (" + dbDetail() + ")");
        lines.add("");
        lines.add("Data: " + shape + "; hub consumers " + hub + "; JVM " + ManagementFactory.getRuntimeMXBean().getInputArguments()
                + "; assertions " + LikeProduction.assertions());
    }

    private static String dbDetail() {
        return TestDatabase.isPostgres() ? "embedded PostgreSQL (zonky)" : "H2 in-memory, MODE=PostgreSQL";
    }

    void section(String title, String header) {
        lines.add("");
        lines.add("### " + title);
        lines.add("");
        lines.add(header);
        lines.add(header.replaceAll("[^|]+", "---"));
    }

    void row(Object... cells) {
        StringBuilder sb = new StringBuilder("|");
        for (Object c : cells) {
            sb.append(' ').append(c instanceof Double d ? fmt(d) : c).append(" |");
        }
        lines.add(sb.toString());
    }

    void note(String text) {
        lines.add("");
        lines.add(text);
    }

    static String fmt(double d) {
        return d >= 100 ? String.format("%.0f", d) : d >= 10 ? String.format("%.1f", d) : String.format("%.2f", d);
    }

    Path write() {
        String text = String.join("\n", lines) + "\n";
        System.out.println("\n" + text);
        Path out = Path.of("target", "benchmark-" + TestDatabase.kind() + "-" + events + ".md");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }
}
