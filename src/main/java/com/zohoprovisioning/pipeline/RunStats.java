package com.zohoprovisioning.pipeline;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Totals of this process, for the exit code of --once: files done, held, rejected and failed; records in error, and
 * those of held files (their outcomes count; the rest wait in held/).
 */
public final class RunStats {

    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong filesRejected = new AtomicLong();
    private final AtomicLong recordsOk = new AtomicLong();
    private final AtomicLong recordsFailed = new AtomicLong();
    private final AtomicLong filesHeld = new AtomicLong();
    private final AtomicLong recordsWaiting = new AtomicLong();
    private final AtomicLong heldUncounted = new AtomicLong();
    private final Set<String> failedFiles = ConcurrentHashMap.newKeySet();
    private final List<String> fatal = new CopyOnWriteArrayList<>();

    public void fileDone(long ok, long failed) {
        filesDone.incrementAndGet();
        recordsOk.addAndGet(ok);
        recordsFailed.addAndGet(failed);
    }

    /**
     * A file held (runaway guard, credit reserve, roster guard, a repeat): like a file that could not be processed
     * for the exit code (1); the records it finished count, {@code waiting} (or -1: not counted) wait in held/.
     */
    public void fileHeld(String path, String reason, long ok, long failed, long waiting) {
        fileFailed(path, reason);
        filesHeld.incrementAndGet();
        recordsOk.addAndGet(ok);
        recordsFailed.addAndGet(failed);
        if (waiting < 0) {
            heldUncounted.incrementAndGet();
        } else {
            recordsWaiting.addAndGet(waiting);
        }
    }

    public long filesHeld() {
        return filesHeld.get();
    }

    /** The records of held files without an outcome, as far as they were counted. */
    public long recordsWaiting() {
        return recordsWaiting.get();
    }

    /** Held files whose waiting records were not counted (held before they were read). */
    public long heldUncounted() {
        return heldUncounted.get();
    }

    public void fileRejected() {
        filesRejected.incrementAndGet();
    }

    /** A file that could not be processed (Zoho unreachable, auth): it stays in the inbox. */
    public void fileFailed(String path, String reason) {
        failedFiles.add(key(path));
        fatal.add(reason);
    }

    public boolean hasFailed(String path) {
        return failedFiles.contains(key(path));
    }

    /**
     * One spelling per file, whoever tells: the consumer's path with a relative work.dir ({@code ./work/inbox/…}),
     * --once's listing (absolute). Not a path ({@code remote:<source>}): as it is.
     */
    static String key(String path) {
        if (path == null || path.startsWith("remote:")) {
            return path;
        }
        try {
            return java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return path;
        }
    }

    public List<String> fatalErrors() {
        return fatal;
    }

    public long filesDone() {
        return filesDone.get();
    }

    public long filesRejected() {
        return filesRejected.get();
    }

    public long recordsOk() {
        return recordsOk.get();
    }

    public long recordsFailed() {
        return recordsFailed.get();
    }

    /** 1 could not run, 3 some records failed or files were rejected, 0 all succeeded. */
    public int exitCode() {
        if (!fatal.isEmpty()) {
            return 1;
        }
        return recordsFailed.get() > 0 || filesRejected.get() > 0 ? 3 : 0;
    }
}
