package com.zohoprovisioning.zoho;

import com.zohoprovisioning.pipeline.OutputFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The most API credits Zoho reported left within its rolling 24 hours, per API and target (the sandbox, or the live
 * data centre's accounts server): a lower bound of the org's daily budget, which a percentage reserve is taken of
 * when {@code zoho.credits.per-day} is empty. Kept per hour (the highest report of that hour and when it came) in
 * {@code <work.dir>/.state/credits-seen.tsv} (owner-only, like the other .state files), so that a {@code --once} run,
 * a restarted service and a new cluster leader start from what earlier runs saw; reports older than 24 hours are
 * forgotten. The file is written when an hour's highest changes (at most a few times an hour), and read again when
 * another process changed it.
 */
final class CreditsHighWater {

    static final Duration WINDOW = Duration.ofHours(24);
    static final String FILE = "credits-seen.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(CreditsHighWater.class);

    private record Report(long remaining, Instant at) {
    }

    private final Path file;
    private final String target;
    /** Per "api\ttarget": per hour (epoch hours), that hour's highest report. */
    private final Map<String, TreeMap<Long, Report>> hours = new HashMap<>();
    private Object version;

    /** {@code stateDir} null: kept in memory only. */
    CreditsHighWater(Path stateDir, String target) {
        this.file = stateDir == null ? null : stateDir.resolve(FILE);
        this.target = target;
        synchronized (this) {
            reload();
        }
    }

    /** The most credits reported left for this API within the last 24 hours, or 0 when none was. */
    synchronized long highest(String api) {
        TreeMap<Long, Report> h = hours.get(key(api, target));
        if (h == null) {
            return 0;
        }
        Instant oldest = Instant.now().minus(WINDOW);
        long most = 0;
        for (Report r : h.values()) {
            if (r.at().isAfter(oldest)) {
                most = Math.max(most, r.remaining());
            }
        }
        return most;
    }

    /** Notes a report; written to the work folder when it is its hour's highest. */
    synchronized void seen(String api, long remaining, Instant at) {
        reload();
        boolean changed = put(key(api, target), remaining, at);
        changed |= prune();
        if (changed) {
            write();
        }
    }

    private boolean put(String key, long remaining, Instant at) {
        TreeMap<Long, Report> h = hours.computeIfAbsent(key, k -> new TreeMap<>());
        long hour = at.truncatedTo(ChronoUnit.HOURS).getEpochSecond() / 3600;
        Report was = h.get(hour);
        if (was != null && was.remaining() >= remaining) {
            return false;
        }
        h.put(hour, new Report(remaining, at));
        return true;
    }

    private boolean prune() {
        Instant oldest = Instant.now().minus(WINDOW);
        boolean pruned = false;
        for (TreeMap<Long, Report> h : hours.values()) {
            pruned |= h.values().removeIf(r -> !r.at().isAfter(oldest));
        }
        return pruned;
    }

    private static String key(String api, String target) {
        return api + "\t" + target;
    }

    /** Merges what the file holds when it changed since this process last read or wrote it. */
    private void reload() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            Object now = version();
            if (Objects.equals(now, version)) {
                return;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length == 4) {
                    try {
                        put(key(f[0], f[1]), Long.parseLong(f[3]), Instant.parse(f[2]));
                    } catch (RuntimeException e) {
                        // a torn line: skipped
                    }
                }
            }
            version = now;
        } catch (IOException e) {
            LOG.warn("Could not read {}: {}; the credit reserve starts from this run's reports", file, e.getMessage());
        }
    }

    private void write() {
        if (file == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        hours.forEach((key, h) -> h.values().forEach(r -> sb.append(key).append('\t').append(r.at()).append('\t')
                .append(r.remaining()).append('\n')));
        Path tmp = file.resolveSibling("." + FILE + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.writeString(OutputFiles.file(tmp), sb, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            version = version();
        } catch (IOException e) {
            LOG.warn("Could not write {}: {}; the next run's credit reserve starts from its own reports", file,
                    e.getMessage());
        }
    }

    private Object version() throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        return modified.toMillis() + "/" + Files.size(file) + "/" + Files.readAttributes(file,
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }
}
