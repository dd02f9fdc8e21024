package dev.databuild.lineage.reliability;

import dev.databuild.lineage.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as a separate JVM on an H2 file database, so that it can really be killed: SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) gives it no chance to flush or roll back anything.
 */
final class ServiceProcess implements AutoCloseable {

    final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(Path dataDir, String... args) throws IOException, InterruptedException {
        int port = freePort();
        // -ea: H2's own assertions check its store through the kills and online compactions
        // Surefire may hide the class path in a manifest-only jar; it publishes the real one too
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-ea", "-XX:TieredStopAtLevel=1", "-cp", classPath, "dev.databuild.lineage.LineageApplication",
                "--server.port=" + port, "--lineage.data-dir=" + dataDir, "--spring.main.banner-mode=off"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dataDir.getParent(), "service-", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(p, port, log);
        service.awaitReady();
        return service;
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (Http.get(port, "/api/events?limit=1").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not start within 90 s:\n" + tail());
    }

    /** SIGKILL, then wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: Spring shuts down and H2 closes its file cleanly. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the service did not stop within 60 s");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Lines of the service's output that contain {@code text}. */
    long linesWith(String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
