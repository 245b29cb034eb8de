package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.config.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files finished for real (not dry runs), per feed, for the repeat check: {@code <work.dir>/.state/processed-<feed>.tsv},
 * append-only, one line per published file: the SHA-256 of its bytes, when it finished, its name, and where its
 * summary, results and archived input are (relative to the work folder). Entries older than
 * {@code provisioning.repeat-window} are pruned when the store is read. Owner-only permissions (the names of HR
 * files are not for everyone).
 */
public final class ProcessedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessedFiles.class);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([dhms]?)");
    static final String DIR = ".state";

    /** One finished file. Paths are relative to the work folder; null when there is no such file. */
    public record Entry(String sha256, Instant finished, String file, String summary, String success, String error,
                        String archive) {
    }

    private final Path dir;
    private final Duration window;

    public ProcessedFiles(Path workDir, Duration window) {
        this.dir = workDir.toAbsolutePath().normalize().resolve(DIR);
        this.window = window;
    }

    /** {@code 30d}, {@code 12h}, {@code 90m}, {@code 600s} (or a bare number of seconds); {@code 0} switches the check off. */
    public static Duration parseWindow(String key, String value) {
        Matcher m = DURATION.matcher(value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ConfigurationException(key + "=" + value + ": use a duration such as 30d, 12h or 90m, or 0 for off");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    public boolean enabled() {
        return !window.isZero();
    }

    public Duration window() {
        return window;
    }

    Path file(String feed) {
        return dir.resolve("processed-" + feed + ".tsv");
    }

    /** The latest file of this feed with these bytes finished within the window, if any; prunes older entries. */
    public synchronized Optional<Entry> find(String feed, String sha256) throws IOException {
        Entry found = null;
        for (Entry e : read(feed)) {
            if (e.sha256().equals(sha256) && (found == null || e.finished().isAfter(found.finished()))) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Notes a file finished for real (its results published). */
    public synchronized void record(String feed, Entry e) throws IOException {
        Path f = file(feed);
        Files.writeString(OutputFiles.file(f), line(e), StandardCharsets.UTF_8, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    /** The entries within the window; when some are older, the file is rewritten without them. */
    synchronized List<Entry> read(String feed) throws IOException {
        Path f = file(feed);
        if (!Files.exists(f)) {
            return List.of();
        }
        Instant oldest = Instant.now().minus(window);
        List<Entry> kept = new ArrayList<>();
        int dropped = 0;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            Entry e = parse(line);
            if (e == null) {
                continue; // a torn last line (the process died while writing it), or blank
            }
            if (e.finished().isBefore(oldest)) {
                dropped++;
            } else {
                kept.add(e);
            }
        }
        if (dropped > 0) {
            StringBuilder sb = new StringBuilder();
            kept.forEach(e -> sb.append(line(e)));
            Path tmp = f.resolveSibling("." + f.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.writeString(OutputFiles.file(tmp), sb, StandardCharsets.UTF_8);
            WorkFiles.move(tmp, f);
            LOG.debug("{}: pruned {} entries older than {}", f, dropped, window);
        }
        return kept;
    }

    private static String line(Entry e) {
        return String.join("\t", e.sha256(), e.finished().toString(), field(e.file()), field(e.summary()),
                field(e.success()), field(e.error()), field(e.archive())) + "\n";
    }

    private static String field(String s) {
        return s == null ? "-" : s.replaceAll("[\\t\\r\\n]", " ");
    }

    private static Entry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 7 || f[0].length() != 64) {
            return null;
        }
        try {
            return new Entry(f[0], Instant.parse(f[1]), value(f[2]), value(f[3]), value(f[4]), value(f[5]), value(f[6]));
        } catch (java.time.format.DateTimeParseException ex) {
            return null;
        }
    }

    private static String value(String s) {
        return s.equals("-") ? null : s;
    }
}
