package com.zohoprovisioning;

import com.zohoprovisioning.ops.RemotePolls;
import com.zohoprovisioning.pipeline.InboxFilter;
import com.zohoprovisioning.pipeline.RunStats;
import com.zohoprovisioning.pipeline.UnreadableNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code --once}: waits until every file that was in an inbox at start has left it (done, or rejected) or has
 * failed, then tells the exit code: 0 all records succeeded, 3 some records failed or files were rejected,
 * 1 some file could not be processed. A misplaced file in the inbox (not taken by any route: {@link MisplacedFiles}) is
 * warned about and makes a 0 a 3.
 */
final class OnceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(OnceRunner.class);

    private final Path workDir;
    private final List<String> feeds;
    private final RunStats stats;
    private final List<String> remoteSources;
    private final RemotePolls polls;
    private final UnreadableNames unreadable;

    /**
     * With remote sources (SFTP, download routes by id): each completes one poll first, then the inboxes drain.
     * {@code unreadable}: the consumer's own, so that both reject the same undecodable names, once.
     */
    OnceRunner(Path workDir, List<String> feeds, RunStats stats, List<String> remoteSources, RemotePolls polls,
               UnreadableNames unreadable) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.feeds = feeds;
        this.stats = stats;
        this.remoteSources = remoteSources;
        this.polls = polls;
        this.unreadable = unreadable;
    }

    /** Waits until every remote source has completed one poll (its files are in the inbox) or failed (exit 1). */
    void awaitRemoteSources() throws InterruptedException {
        if (remoteSources.isEmpty()) {
            return;
        }
        LOG.info("--once: fetching from {}", remoteSources);
        List<String> waiting = new ArrayList<>(remoteSources);
        while (!waiting.isEmpty()) {
            for (String source : List.copyOf(waiting)) {
                String failure = polls.lastFailure(source);
                if (polls.completedPolls(source) > 0) {
                    waiting.remove(source);
                } else if (failure != null) {
                    stats.fileFailed("remote:" + source, source + ": " + failure);
                    waiting.remove(source);
                }
            }
            Thread.sleep(100);
        }
    }

    List<Path> pending() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String feed : feeds) {
            Path inbox = workDir.resolve("inbox").resolve(feed);
            if (!Files.isDirectory(inbox)) {
                continue;
            }
            // names the JVM cannot decode: rejected (the consumer does the same when it sees one)
            unreadable.rejectAll(inbox);
            try (Stream<Path> s = Files.list(inbox)) {
                // names too long for the consumer's lock marker: renamed first, so that they are waited for as renamed
                s.toList().forEach(InboxFilter::shortenTooLongName);
            }
            try (Stream<Path> s = Files.list(inbox)) {
                // what the consumer takes: a regular file under the name as decoded (InboxFilter)
                s.filter(p -> InboxFilter.takeable(p.toString())).filter(p -> isInput(p.getFileName().toString()))
                        .map(p -> p.toAbsolutePath().normalize()).forEach(files::add);
            }
        }
        return files;
    }

    static boolean isInput(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".csv") || n.endsWith(".json") || n.endsWith(".ndjson")
                || n.endsWith(".jsonl"));
    }

    /** What held files left undone: "; held: 13 records waiting in held/". */
    static String waiting(RunStats stats) {
        if (stats.filesHeld() == 0) {
            return "";
        }
        String uncounted = stats.heldUncounted() == 0 ? "" : stats.heldUncounted() == stats.filesHeld()
                ? "the records of " + stats.heldUncounted() + " file(s) held before they were sent"
                : " and the records of " + stats.heldUncounted() + " file(s) held before they were sent";
        return "; waiting in held/: " + (stats.heldUncounted() == stats.filesHeld() ? "" : stats.recordsWaiting()
                + " records") + uncounted;
    }

    int await() throws IOException, InterruptedException {
        awaitRemoteSources();
        List<Path> files = pending();
        int misplaced = new MisplacedFiles(workDir, feeds).warnNew();
        LOG.info("--once: {} file(s) to process{}", files.size(),
                misplaced == 0 ? "" : ", " + misplaced + " misplaced file(s) left where they are (see the warnings)");
        long lastLog = System.nanoTime();
        while (true) {
            int left = 0;
            for (Path f : files) {
                if (Files.exists(f) && !stats.hasFailed(f.toString())) {
                    left++;
                }
            }
            if (left == 0) {
                break;
            }
            if (System.nanoTime() - lastLog > 30_000_000_000L) {
                LOG.info("--once: waiting for {} file(s)", left);
                lastLog = System.nanoTime();
            }
            Thread.sleep(100);
        }
        int code = stats.exitCode();
        if (code == 0 && misplaced > 0) {
            code = 3;
        }
        LOG.info("--once: done. {} file(s) processed, {} held, {} rejected, {} could not be processed, {} misplaced; {}"
                        + " records succeeded, {} failed{}. Exit code {}", stats.filesDone(), stats.filesHeld(),
                stats.filesRejected(), stats.fatalErrors().size() - stats.filesHeld(), misplaced, stats.recordsOk(),
                stats.recordsFailed(), waiting(stats), code);
        return code;
    }
}
