package com.zohoprovisioning.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An input taken from its inbox for one run. Its bytes are copied into the run's temp folder first (hashed and
 * scanned for NUL characters and checked as UTF-8 on the way, {@link NulScan}, {@link Utf8Scan}) and the run reads only that copy: a new version written under
 * the same name while the run goes on (an upload renamed over it, or a copy over it) is another file, processed by a
 * run of its own. The inbox name stays while the run goes on, so a run that is killed leaves the file where it was
 * (it resumes from its journal). When the run is done, the copy goes where the input goes (archive/, held/,
 * rejected/, dry-run/) and the inbox name is released only while it still holds the version copied ({@link #moveTo}).
 */
public final class TakenInput {

    private static final Logger LOG = LoggerFactory.getLogger(TakenInput.class);

    /** What tells two versions of a file apart: its file key (device and inode), size and modification time. */
    private record Version(Object key, long size, FileTime modified) {

        static Version of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Version(a.fileKey(), a.size(), a.lastModifiedTime());
        }
    }

    private final Path inbox;
    private final Path copy;
    private final Version version;
    private final String sha256;
    private final NulScan.Found nul;
    private final Utf8Scan.Result utf8;

    private TakenInput(Path inbox, Path copy, Version version, String sha256, NulScan.Found nul,
                       Utf8Scan.Result utf8) {
        this.inbox = inbox;
        this.copy = copy;
        this.version = version;
        this.sha256 = sha256;
        this.nul = nul;
        this.utf8 = utf8;
    }

    /**
     * Copies the inbox file into {@code dir} (under its own name). A file over {@code provisioning.max-file-bytes} is
     * rejected before it is copied; one that changes while it is copied is still being written: an IOException, and
     * it stays in the inbox for the next poll.
     */
    static TakenInput take(Path inbox, Path dir, ReaderSettings settings) throws IOException {
        Version before = Version.of(inbox);
        InputFileCheck.checkSize(before.size(), settings);
        Path copy = dir.resolve(inbox.getFileName());
        MessageDigest sha = Sha256.digest();
        NulScan nul = new NulScan();
        Utf8Scan utf8 = new Utf8Scan();
        boolean taken = false;
        try {
            try (InputStream in = Files.newInputStream(inbox); OutputStream out = create(copy)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    sha.update(buf, 0, n);
                    nul.update(buf, n);
                    utf8.update(buf, n);
                    out.write(buf, 0, n);
                }
            }
            if (!before.equals(Version.of(inbox))) {
                throw new IOException(inbox.getFileName() + " changed while it was being read (is it still being "
                        + "written?): it stays in the inbox and is taken again at the next poll");
            }
            taken = true;
            return new TakenInput(inbox, copy, before, HexFormat.of().formatHex(sha.digest()), nul.found(),
                    utf8.result());
        } finally {
            if (!taken) {
                WorkFiles.deleteTree(dir);
            }
        }
    }

    /** Our own disk or folder failed: said as such (the file stays in the inbox). */
    private static OutputStream create(Path copy) throws IOException {
        try {
            OutputFiles.directories(copy.getParent());
            return Files.newOutputStream(OutputFiles.file(copy));
        } catch (IOException e) {
            throw new IOException("cannot write the copy of the input " + copy + ": " + e, e);
        }
    }

    /** The private copy the run reads. */
    public Path copy() {
        return copy;
    }

    /** The SHA-256 (hex) of the bytes copied. */
    public String sha256() {
        return sha256;
    }

    /** The first NUL character of the bytes copied, or null. */
    NulScan.Found nul() {
        return nul;
    }

    /** The bytes copied checked as UTF-8: the first byte that is not, and whether a multi-byte sequence is there. */
    Utf8Scan.Result utf8() {
        return utf8;
    }

    /**
     * The copy to {@code target}; the inbox name is released when it still holds the version copied (renamed aside
     * first, so that a version arriving meanwhile is never lost). A newer version stays in the inbox, for the next
     * poll.
     */
    public void moveTo(Path target) throws IOException {
        WorkFiles.move(copy, target);
        WorkFiles.deleteTree(copy.getParent());
        release();
    }

    /** The copy deleted: the run did not finish, the input stays in the inbox. */
    void discard() {
        WorkFiles.deleteTree(copy.getParent());
    }

    private void release() throws IOException {
        // hidden, so never taken; short, whatever the length of the name
        Path aside = inbox.resolveSibling(".released-" + System.nanoTime());
        try {
            WorkFiles.move(inbox, aside);
        } catch (java.nio.file.NoSuchFileException e) {
            return; // gone already (removed by hand)
        }
        if (version.equals(Version.of(aside))) {
            Files.delete(aside);
            return;
        }
        Path back = Files.exists(inbox) ? WorkFiles.unique(inbox.getParent(), inbox.getFileName().toString(),
                String.valueOf(System.currentTimeMillis())) : inbox;
        Files.move(aside, back);
        LOG.info("{}/{}: a new version arrived under its name while it was processed; it stays in the inbox as {} and "
                + "is processed on its own", inbox.getParent().getFileName(), inbox.getFileName(), back.getFileName());
    }

    @Override
    public String toString() {
        return Objects.toString(inbox);
    }
}
