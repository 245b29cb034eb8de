package com.zohoprovisioning;

import org.apache.commons.csv.CSVFormat;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The app as a child JVM (for kill -9 and SIGTERM tests) against a sandbox in this JVM, in a temp work folder, and
 * what those tests read back from it. Children and sandbox are stopped after each test.
 */
abstract class ChildAppTestSupport {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path work;
    protected ZohoSandbox sandbox;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildrenAndSandbox() {
        children.forEach(Process::destroyForcibly);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** Starts Application with this JVM's classpath against {@link #sandbox}, output in {@code <work>/<name>.log}. */
    protected Process child(String name, int maxConcurrent, boolean once, String... settings) throws IOException {
        return child(name, maxConcurrent, once, java.util.Map.of(), settings);
    }

    /** As {@link #child(String, int, boolean, String...)}, with these environment variables added to this JVM's. */
    protected Process child(String name, int maxConcurrent, boolean once, java.util.Map<String, String> env,
                            String... settings) throws IOException {
        Process p = start(work, sandbox.baseUrl(), maxConcurrent, once, name, env, settings);
        children.add(p);
        return p;
    }

    protected long journalLines() throws IOException {
        return journalLines(work);
    }

    private static Process start(Path work, String sandboxUrl, int maxConcurrent, boolean once, String name,
                                 java.util.Map<String, String> env, String... settings) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dwork.dir=" + work, "-Dzoho.api-url=" + sandboxUrl, "-Dprovisioning.feeds=bigin-users",
                "-Dprovisioning.poll-delay-ms=100", "-Dprovisioning.read-lock-check-ms=100",
                "-Dzoho.max-concurrent=" + maxConcurrent));
        for (String setting : settings) {
            cmd.add("-D" + setting);
        }
        cmd.add("com.zohoprovisioning.Application");
        if (once) {
            cmd.add("--once");
        }
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Lines in the bigin-users journals under the work folder. */
    private static long journalLines(Path work) throws IOException {
        Path dir = work.resolve(".journal/bigin-users");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> journals = s.filter(p -> p.getFileName().toString().equals("journal.ndjson")).toList();
            long n = 0;
            for (Path j : journals) {
                try (Stream<String> lines = Files.lines(j)) {
                    n += lines.count();
                }
            }
            return n;
        }
    }

    protected static List<CSVRecord> read(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }
}
