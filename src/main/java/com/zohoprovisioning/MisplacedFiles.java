package com.zohoprovisioning;

import com.zohoprovisioning.pipeline.InboxFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the files in the inbox that no route takes, and warns about each once: a file directly in {@code inbox/}
 * instead of {@code inbox/<feed>/}, in a folder that is no feed's ({@code inbox/<unknown>/}), or whose extension is
 * not taken ({@code people.xlsx}, {@code people.csv.txt}). Hidden files and folders (starting with '.', our temp
 * names among them), Camel's {@code *.camelLock} markers and {@code <file>.profile} beside an input are not
 * misplaced. An entry that is no regular file (a named pipe, socket or device; a link to one, to a folder or to
 * nothing) is never taken, whatever its name ({@link InboxFilter}), and is warned about here too (an input whose name
 * the JVM cannot decode is rejected instead: {@code UnreadableNames}). {@code --once} exits 3 when it found one; the
 * service checks every poll, warning once per file.
 */
final class MisplacedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(MisplacedFiles.class);
    static final String TAKEN = "*.csv, *.json, *.ndjson, *.jsonl";

    private final Path inbox;
    private final List<String> feeds;
    private final Set<Path> warned = new HashSet<>();

    MisplacedFiles(Path workDir, List<String> feeds) {
        this.inbox = workDir.resolve("inbox").toAbsolutePath().normalize();
        this.feeds = List.copyOf(feeds);
    }

    /** Every misplaced file in the inbox now. */
    List<Path> find() {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(inbox)) {
            return found;
        }
        for (Path p : list(inbox)) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(p)) {
                boolean feed = feeds.contains(name);
                for (Path f : list(p)) {
                    if (f.getFileName().toString().startsWith(".")) {
                        continue;
                    }
                    // a subfolder is never taken from: its files are warned about (a link to a folder: notRegular)
                    if (Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        found.addAll(inSubfolder(f));
                        continue;
                    }
                    // a FIFO, socket, device or a link to one, to a folder or to nothing: never taken (InboxFilter), whatever its extension
                    if (InboxFilter.notRegular(f) != null || !feed || !takenOrOurs(f.getFileName().toString())) {
                        found.add(f);
                    }
                }
            } else {
                found.add(p);
            }
        }
        found.sort(null);
        return found;
    }

    /** Warns about each misplaced file not warned about before; returns how many there are now in all. */
    synchronized int warnNew() {
        List<Path> found = find();
        warned.retainAll(new HashSet<>(found)); // a file removed and dropped again is warned about again
        for (Path f : found) {
            if (warned.add(f)) {
                LOG.warn("{} is not taken: {}", inbox.getParent().relativize(f), why(f));
            }
        }
        return found.size();
    }

    /** The files (not hidden) in a feed folder's subfolder, a few levels down. */
    private static List<Path> inSubfolder(Path dir) {
        try (Stream<Path> s = Files.walk(dir, 3)) {
            return s.filter(f -> !Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !dir.relativize(f).toString().startsWith(".") && !f.toString().contains("/."))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.debug("cannot list {}: {}", dir, e.getMessage());
            return List.of();
        }
    }

    private String why(Path f) {
        String notRegular = InboxFilter.notRegular(f);
        if (notRegular != null) {
            return notRegular;
        }
        String name = f.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String folders = feeds.stream().map(n -> "inbox/" + n + "/").collect(Collectors.joining(", "));
        String where = "files are taken from " + folders + " named " + TAKEN;
        Path dir = f.getParent();
        if (dir.equals(inbox)) {
            return "it is directly in inbox/, not in a feed's folder; " + where;
        }
        if (!dir.getParent().equals(inbox)) {
            return "it is in a subfolder, " + inbox.getParent().relativize(dir) + "/, and subfolders are not taken from;"
                    + " " + where;
        }
        String folder = dir.getFileName().toString();
        if (!feeds.contains(folder)) {
            return "inbox/" + folder + "/ is not a feed's folder; " + where;
        }
        String hint = lower.endsWith(".xlsx") || lower.endsWith(".xls") ? " (save it from Excel as 'CSV UTF-8')" : "";
        return "its extension is not taken" + hint + "; " + where;
    }

    /** True for an input the inbox route takes, or a name of ours that belongs there. */
    private static boolean takenOrOurs(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String approved = com.zohoprovisioning.pipeline.RepeatedFiles.APPROVED;
        return OnceRunner.isInput(name) || n.endsWith(".camellock") || n.endsWith(".profile")
                // the approval `approve` writes beside the file it releases, taken with it
                || n.endsWith(approved) && OnceRunner.isInput(name.substring(0, name.length() - approved.length()));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            LOG.debug("cannot list {}: {}", dir, e.getMessage());
            return List.of();
        }
    }
}
