package com.zohoprovisioning.pipeline;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The inbox consumer takes regular files only: a named pipe (FIFO), socket or device would block the feed's only
 * consumer thread when opened (a FIFO without a writer never opens), and a name the JVM cannot decode (the
 * file-name encoding is not UTF-8) names no file it can open. Such entries are left where they are; the misplaced-file
 * check warns about each once, and --once counts them (exit 3).
 */
public final class InboxFilter<T> implements GenericFileFilter<T> {

    @Override
    public boolean accept(GenericFile<T> file) {
        if (file.isDirectory()) {
            return true;
        }
        return takeable(file.getAbsoluteFilePath());
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

    /** Why an entry of an inbox folder is not taken, or null when it is a regular file (or a folder). */
    public static String notRegular(Path p) {
        if (Files.isRegularFile(p) || Files.isDirectory(p)) {
            return null;
        }
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return "its name cannot be read in the file-name encoding " + fileNameEncoding()
                    + " (start the program with LANG=C.UTF-8, or rename the file to plain ASCII)";
        }
        if (Files.isSymbolicLink(p)) {
            return "it is a link to nothing (its target does not exist)";
        }
        return "it is not a regular file (a named pipe, socket or device): only regular files are taken; remove it";
    }

    public static String fileNameEncoding() {
        String jnu = System.getProperty("sun.jnu.encoding");
        return jnu != null ? jnu : System.getProperty("file.encoding", "?");
    }
}
