package com.zohoprovisioning.pipeline;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The inbox consumer takes regular files only: a named pipe (FIFO), socket or device would block the feed's only
 * consumer thread when opened (a FIFO without a writer never opens); a link to one, or to a folder, is no regular
 * file either. Such entries are left where they are; the misplaced-file check warns about each once, and --once
 * counts them (exit 3). An input whose name the JVM cannot decode names no file it can open: when the consumer sees
 * one, every such input of the folder is rejected ({@link UnreadableNames}). An input whose name is too long for the
 * consumer's lock marker is renamed to a shorter one first ({@link #shortenTooLongName}).
 */
public final class InboxFilter<T> implements GenericFileFilter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxFilter.class);
    /** 255, less Camel's {@code .camelLock}. */
    public static final int MAX_INBOX_NAME_BYTES = 255 - ".camelLock".length();

    private final UnreadableNames unreadable;

    public InboxFilter(UnreadableNames unreadable) {
        this.unreadable = unreadable;
    }

    @Override
    public boolean accept(GenericFile<T> file) {
        if (file.isDirectory()) {
            return true;
        }
        String path = file.getAbsoluteFilePath();
        if (!takeable(path)) {
            if (!exists(path)) {
                // a name decoded from bytes the file-name encoding cannot read: the file on disk is not under it
                unreadable.rejectAll(new java.io.File(path).getParentFile().toPath());
            }
            return false;
        }
        // renamed: taken under its new name in the next poll
        return shortenTooLongName(Path.of(path)) == null;
    }

    /**
     * The file consumer's lock marker is {@code <name>.camelLock}: for a name over {@link #MAX_INBOX_NAME_BYTES} bytes
     * it cannot be created, and the file would be tried forever. Such an input is renamed in its inbox to its
     * shortened name ({@link OutputNames}), with a warning naming both; returns the new path, or null when nothing
     * was renamed.
     */
    public static Path shortenTooLongName(Path file) {
        String name = file.getFileName().toString();
        if (OutputNames.bytes(name) <= MAX_INBOX_NAME_BYTES || name.startsWith(".") || !input(name)
                || !Files.isRegularFile(file)) {
            return null;
        }
        Path target = file.resolveSibling(OutputNames.of(name));
        if (Files.exists(target)) {
            target = file.resolveSibling(WorkFiles.stamped(target.getFileName().toString(),
                    String.valueOf(System.currentTimeMillis())));
        }
        try {
            Files.move(file, target);
        } catch (IOException e) {
            LOG.debug("could not rename {}: {}", file, e.getMessage());  // renamed by another poll, or gone
            return null;
        }
        LOG.warn("{}/{}: its name is {} bytes, too long to process under it (at most {}): renamed to {}",
                file.getParent().getFileName(), name, OutputNames.bytes(name), MAX_INBOX_NAME_BYTES,
                target.getFileName());
        return target;
    }

    private static boolean input(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl");
    }

    /** True for a regular file that exists under the name we read. */
    public static boolean takeable(String path) {
        try {
            Path p = Path.of(path);
            return Files.isRegularFile(p);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Why an entry of an inbox folder (as listed) is not taken, or null when it is a regular file or a folder (or a
     * link to a regular file: taken, and rejected as a link unless provisioning.follow-symlinks=true).
     */
    public static String notRegular(Path p) {
        if (Files.isSymbolicLink(p)) {
            if (Files.isRegularFile(p)) {
                return null;
            }
            String what = !Files.exists(p) ? "which does not exist"
                    : Files.isDirectory(p) ? "a folder" : "a named pipe, socket or device";
            return "it is a symbolic link to '" + linkTarget(p) + "', " + what + ": only regular files are taken"
                    + " (links are not followed, and with provisioning.follow-symlinks=true a link is taken only when"
                    + " its target is a regular file); remove it";
        }
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return "it is not a regular file (a named pipe, socket or device): only regular files are taken; remove it";
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    public static String fileNameEncoding() {
        String jnu = System.getProperty("sun.jnu.encoding");
        return jnu != null ? jnu : System.getProperty("file.encoding", "?");
    }
}
