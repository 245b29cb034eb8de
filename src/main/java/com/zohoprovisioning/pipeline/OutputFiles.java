package com.zohoprovisioning.pipeline;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Where every output file and folder holding personal data is created (results, reports, the journal, .tmp/, the
 * folders inputs are moved into): owner-only whatever the umask, files 0600 and folders 0700, or 0640 and 0750 with
 * {@code provisioning.output-group-readable=true}. Where the file system has no POSIX permissions, nothing is set.
 */
public final class OutputFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static volatile boolean groupReadable;

    private OutputFiles() {
    }

    /** {@code provisioning.output-group-readable}: set once when the routes start. */
    public static void groupReadable(boolean readable) {
        groupReadable = readable;
    }

    static Set<PosixFilePermission> filePermissions() {
        return PosixFilePermissions.fromString(groupReadable ? "rw-r-----" : "rw-------");
    }

    static Set<PosixFilePermission> folderPermissions() {
        return PosixFilePermissions.fromString(groupReadable ? "rwxr-x---" : "rwx------");
    }

    /** Creates the folder and its missing parents, each one created here with the folder permissions. */
    public static Path directories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = abs; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                if (POSIX) {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(folderPermissions()));
                    Files.setPosixFilePermissions(p, folderPermissions()); // the umask may have taken more away
                } else {
                    Files.createDirectory(p);
                }
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
            }
        }
        return dir;
    }

    /** Creates the file (empty, with the file permissions) and its folders when it does not exist yet. */
    public static Path file(Path file) throws IOException {
        directories(file.toAbsolutePath().getParent());
        try {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(filePermissions()));
                Files.setPosixFilePermissions(file, filePermissions());
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // opened again (a journal appended to, a temp file rewritten): its mode stays what it was
        }
        return file;
    }
}
