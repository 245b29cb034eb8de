package com.zohoprovisioning.pipeline;

import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Service mode: moves a file held for Zoho's API credits back into its inbox once they may have come back, so it
 * continues from its journal by itself. The time is also in the file's reason ({@value #RESUMES} line): a service
 * started later finds it there and keeps the appointment.
 */
public final class HeldResumer implements Service {

    /** The line of a held file's {@code .reason.txt} that says when it goes back into the inbox by itself. */
    public static final String RESUMES = "Resumes by itself: ";
    private static final Logger LOG = LoggerFactory.getLogger(HeldResumer.class);

    private final Path workDir;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "held-resumer");
        t.setDaemon(true);
        return t;
    });

    public HeldResumer(Path workDir) {
        this.workDir = workDir;
    }

    /** At {@code at}, moves {@code held} (and drops its reason) into {@code inbox}, if it is still held then. */
    public void resumeAt(Path held, Path inbox, Instant at) {
        long delay = Math.max(0, Duration.between(Instant.now(), at).toMillis());
        timer.schedule(() -> moveBack(held, inbox, 0), delay, TimeUnit.MILLISECONDS);
    }

    private void moveBack(Path held, Path inbox, int tries) {
        Path target = inbox.resolve(held.getFileName());
        try {
            if (!Files.exists(held)) {
                // not there yet: the inbox consumer moves the file once its exchange is done
                if (Files.exists(target) && tries < 120) {
                    timer.schedule(() -> moveBack(held, inbox, tries + 1), 500, TimeUnit.MILLISECONDS);
                }
                return;
            }
            if (Files.exists(target)) {
                LOG.warn("{} is held for Zoho's API credits, but {} exists: move it back by hand", held, target);
                return;
            }
            Files.createDirectories(inbox);
            WorkFiles.move(held, target);
            Files.deleteIfExists(held.resolveSibling(held.getFileName() + ".reason.txt"));
            LOG.info("Moved {} back into {}: it continues where it stopped", held, inbox);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not move {} back into {} ({}): move it by hand", held, inbox, e.getMessage());
        }
    }

    /** The files held for credits by an earlier run of the service: each goes back at the time its reason says. */
    @Override
    public void start() {
        Path held = workDir.resolve("held");
        if (!Files.isDirectory(held)) {
            return;
        }
        try (java.util.stream.Stream<Path> reasons = Files.find(held, 2,
                (p, a) -> a.isRegularFile() && p.getFileName().toString().endsWith(".reason.txt"))) {
            reasons.forEach(this::resumeFromReason);
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("Could not look through {} for files held for Zoho's API credits: {}", held, e.getMessage());
        }
    }

    private void resumeFromReason(Path reason) {
        try {
            for (String line : Files.readAllLines(reason)) {
                if (line.startsWith(RESUMES)) {
                    String name = reason.getFileName().toString();
                    Path file = reason.resolveSibling(name.substring(0, name.length() - ".reason.txt".length()));
                    Path inbox = workDir.resolve("inbox").resolve(reason.getParent().getFileName());
                    resumeAt(file, inbox, Instant.parse(line.substring(RESUMES.length()).trim().split(" ")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read {}: {}", reason, e.getMessage());
        }
    }

    @Override
    public void stop() {
        timer.shutdownNow();
    }
}
