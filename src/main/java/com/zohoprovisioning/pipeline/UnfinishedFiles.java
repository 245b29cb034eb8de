package com.zohoprovisioning.pipeline;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A file that does not finish: held (the runaway guard stopped it; into held/ with a reason, its journal kept),
 * rejected (it cannot be read; into rejected/ with a reason, nothing was sent) or failed (it cannot be processed
 * now; it stays in the inbox for the next poll). A hold also sets {@code zpHeld} ({@link HeldFile}: what held it, why,
 * how to release it), which its notice is made of ({@link FileNotices#held}).
 */
public final class UnfinishedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedFiles.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper SUMMARY = new com.fasterxml.jackson.databind
            .ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    private final Path workDir;
    private final RunStats stats;
    private final HeldResumer resumer;

    public UnfinishedFiles(Path workDir, RunStats stats) {
        this(workDir, stats, null);
    }

    /** {@code resumer}: moves a file held for Zoho's API credits back when they may be back (service mode), or null. */
    public UnfinishedFiles(Path workDir, RunStats stats, HeldResumer resumer) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.stats = stats;
        this.resumer = resumer;
    }

    /**
     * The runaway guard stopped the file: it goes to held/ with a .reason.txt; its journal stays, so moving it back
     * into the inbox continues where it stopped (records with an outcome are not sent again).
     */
    public void hold(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        WorkFiles.deleteTree(run.tmpDir());
        String feed = run.feed().name();
        Path target = WorkFiles.unique(workDir.resolve("held").resolve(feed), run.fileName(), run.stamp());
        long done = run.counts.succeeded.sum() + run.counts.failed.sum();
        String reason = "File: " + run.fileName() + "\nFeed: " + feed + "\nHeld: " + Instant.now() + "\nReason: "
                + run.stopReason() + "\nRecords with an outcome: " + done + " (" + run.counts.succeeded.sum() + " succeeded, "
                + run.counts.failed.sum() + " failed; kept in the journal, not sent again)\nRecords not sent: "
                + (run.counts.waiting() < 0 ? "the rest of the file" : run.counts.waiting() + "") + "\n" + (run.resumeAt() != null ? HeldResumer.RESUMES + run.resumeAt() + " (in service mode)\n"
                + "Zoho's API credits come back as the calls of its rolling 24 hours"
                + " drop out: move this file back into inbox/" + feed + "/ as it is (a running service does so by itself"
                + " at the time above): it continues where it stopped.\n"
                : "Fix the cause given in the reason (token, data centre, Zoho status, …), then move this file back"
                + " into inbox/" + feed + "/ as it is: it continues where it stopped.\n");
        writeReason(target, reason);
        exchange.setProperty(RunProperties.MOVE_TO, target.toString());
        if (resumer != null && run.resumeAt() != null) {
            resumer.resumeAt(target, workDir.resolve("inbox").resolve(feed), run.resumeAt());
        }
        exchange.setProperty(RunProperties.HELD, new HeldFile(run.resumeAt() != null ? "API credit reserve"
                : "runaway guard", run.stopReason(), HeldFile.approve(feed, target.getFileName().toString())
                + " (or, once the cause is fixed, move it back into inbox/" + feed + "/ as it is: it continues where it"
                + " stopped)"));
        stats.fileHeld(run.source().toString(), "held " + run.fileName() + ": " + run.stopReason(), run.counts.succeeded.sum(),
                run.counts.failed.sum(), run.counts.waiting());
        LOG.error("Held {}/{} in {}: {}. {} records done, {} kept for a later run", feed, run.fileName(),
                workDir.relativize(target), run.stopReason(), done, run.counts.waiting() < 0 ? "the rest"
                        : run.counts.waiting() + " waiting,");
    }

    /**
     * The file's lookups were not sent: Zoho's API credits are under the reserve. Held like a file stopped mid-way
     * (no record was started; its journal stays), and in service mode moved back when the credits may be back.
     */
    public void holdForCredits(Exchange exchange) throws IOException {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        run.stop(e.getMessage(), false);
        if (e instanceof com.zohoprovisioning.zoho.ZohoCreditsLowException c) {
            run.resumeAt(c.resumeAt());
        }
        run.closeAll();
        hold(exchange);
    }

    /**
     * The file repeats one finished for real within provisioning.repeat-window (same bytes): it goes to held/ with a
     * .reason.txt naming the earlier run, before any lookup or call. {@code approve <feed> <file>} releases it.
     */
    public void holdRepeat(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        try {
            run.closeAll();
        } finally {
            WorkFiles.deleteTree(run.tmpDir());
        }
        ProcessedFiles.Entry earlier = run.repeatOf();
        String feed = run.feed().name();
        Path target = WorkFiles.unique(workDir.resolve("held").resolve(feed), run.fileName(), run.stamp());
        String name = target.getFileName().toString();
        String reason = "File: " + run.fileName() + "\nFeed: " + feed + "\nHeld: " + Instant.now()
                + "\nReason: a repeat: its content (SHA-256 " + earlier.sha256() + ") is the same as that of "
                + earlier.file() + ", processed on " + earlier.finished() + " (within provisioning.repeat-window)."
                + " Nothing of this file was sent to Zoho, no lookup either.\nEarlier run: " + earlier.file()
                + "\n  finished: " + earlier.finished()
                + "\n  summary:  " + or(earlier.summary())
                + "\n  success:  " + or(earlier.success())
                + "\n  errors:   " + or(earlier.error())
                + "\n  input:    " + or(earlier.archive())
                + "\n(paths relative to the work folder)\nIf it was dropped twice by mistake, delete this file and"
                + " its reason. To process it anyway (its rows are all processed again, as in a new file):\n  " + HeldFile.approve(feed, name) + "\n";
        writeReason(target, reason);
        WorkFiles.moveProfileFile(run, target);
        exchange.setProperty(RunProperties.MOVE_TO, target.toString());
        exchange.setProperty(RunProperties.HELD, new HeldFile("repeated file", "the same content as " + earlier.file()
                + ", processed on " + earlier.finished() + " (within provisioning.repeat-window); nothing of it was sent",
                HeldFile.approve(feed, name) + " (its rows are all processed again; if it was dropped twice by mistake, delete"
                        + " it and its reason instead)"));
        stats.fileHeld(run.source().toString(), "held " + run.fileName() + ": a repeat of " + earlier.file(), 0, 0, -1);
        LOG.error("Held {}/{} in {}: a repeat of {} (same content), processed on {}; results in {}. Nothing sent. To "
                        + "process it anyway: approve {} {}", feed, run.fileName(), workDir.relativize(target),
                earlier.file(), earlier.finished(), or(earlier.summary()), feed, HeldFile.quoted(name));
    }

    /**
     * The roster guard: more leavers than provisioning.&lt;feed&gt;.roster.max-deactivations and no approval of this
     * plan. Before any call, the file goes to held/ with its plan ({@code <file>.plan.csv}), a reason that says how
     * to approve it (the approval is bound to the plan's digest) and its summary ({@code <file>.summary.json},
     * {@code roster.guard.held} true; not in reports/, which holds the summaries of finished files).
     */
    public void holdRoster(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        RosterRun roster = run.roster();
        String feed = run.feed().name();
        Path target = WorkFiles.unique(workDir.resolve("held").resolve(feed), run.fileName(), run.stamp());
        String name = target.getFileName().toString();
        try {
            run.closeAll();
            OutputFiles.directories(target.getParent());
            WorkFiles.move(roster.planFile, target.resolveSibling(name + ".plan.csv"));
        } finally {
            WorkFiles.deleteTree(run.tmpDir());
        }
        String reason = "File: " + run.fileName() + "\nFeed: " + feed + "\nHeld: " + Instant.now()
                + "\nReason: roster guard: " + roster.heldReason() + " (provisioning." + feed
                + ".roster.max-deactivations)\nPlan: " + name + ".plan.csv (" + roster.rows + " rows: " + roster.joiners
                + " joiners; " + roster.leavers.size() + " leavers to deactivate; " + roster.protectedLeavers.size()
                + " protected, left alone)\nPlan digest: " + roster.digest + "\nNothing of this file was sent to Zoho."
                + "\nIf the file is wrong (a truncated or partial export), delete it and its plan. If the plan is right,"
                + " approve it:\n  " + HeldFile.approve(feed, name)
                + "\nThe approval holds for this plan only: if Zoho changes before the file runs so that the leavers"
                + " differ, it is held again with a new plan.\n";
        writeReason(target, reason);
        WorkFiles.writeAtomically(target.resolveSibling(name + ".summary.json"),
                SUMMARY.writeValueAsBytes(RunSummary.heldRoster(run, target, workDir, Instant.now())));
        WorkFiles.moveProfileFile(run, target);
        exchange.setProperty(RunProperties.MOVE_TO, target.toString());
        exchange.setProperty(RunProperties.HELD, new HeldFile("roster guard", roster.heldReason() + "; the plan is "
                + name + ".plan.csv beside it", HeldFile.approve(feed, name) + " (approves this plan only)"));
        stats.fileHeld(run.source().toString(), "held " + run.fileName() + ": roster guard", 0, 0, roster.rows);
        LOG.error("Held {}/{} in {}: roster guard: {}. Nothing sent; plan in {}.plan.csv. To apply it: approve {} {}",
                feed, run.fileName(), workDir.relativize(target), roster.heldReason(), name, feed, HeldFile.quoted(name));
    }

    private static String or(String path) {
        return path == null ? "(none)" : path;
    }

    /** The file cannot be read: it goes to rejected/ with a .reason.txt beside it; nothing was called. */
    public void reject(Exchange exchange) throws IOException {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        String feed = exchange.getProperty(RunProperties.FEED, String.class);
        String inputName = Path.of(sourcePath(exchange)).getFileName().toString();
        String fileName = OutputNames.of(inputName);
        if (run != null) {
            try {
                run.closeAll();
            } finally {
                WorkFiles.deleteTree(run.tmpDir());
            }
        }
        String stamp = run != null ? run.stamp() : String.valueOf(System.currentTimeMillis());
        Path target = WorkFiles.unique(workDir.resolve("rejected").resolve(feed), fileName, stamp);
        String reason = "File: " + inputName + (inputName.equals(fileName) ? "" : "\nSaved as: " + fileName
                + " (the name is too long for the names of our outputs)") + "\nFeed: " + feed + "\nRejected: " + Instant.now() + "\nReason: "
                + (e == null ? "unknown" : e.getMessage()) + "\nNo record of this file was sent to Zoho. Fix the file"
                + " and drop it into inbox/" + feed + "/ again.\n";
        writeReason(target, reason);
        WorkFiles.moveProfileFile(run, target);
        exchange.setProperty(RunProperties.MOVE_TO, target.toString());
        stats.fileRejected();
        LOG.warn("Rejected {}/{}: {}", feed, fileName, e == null ? "unknown" : e.getMessage());
    }

    /** The file could not be processed at all (auth, Zoho unreachable, our output unwritable): it stays in the inbox. */
    public void fail(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        if (run != null) {
            try {
                run.closeAll();
            } catch (IOException ignored) {
                // the run is abandoned; its temp files go next
            }
            WorkFiles.deleteTree(run.tmpDir());
            if (run.input() != null) {
                run.input().discard();
            }
        }
        String path = sourcePath(exchange);
        String reason = (e == null ? "unknown error" : e.getClass().getSimpleName() + ": " + e.getMessage());
        stats.fileFailed(Path.of(path).toAbsolutePath().normalize().toString(), reason);
        if (expected(e)) {
            LOG.error("Could not process {}: {}. The file stays in the inbox and is tried again.", path, reason);
        } else {
            // a bug, not a state of the world: its stack trace, once per attempt
            LOG.error("Could not process {}: {}. The file stays in the inbox and is tried again.", path, reason, e);
        }
    }

    /** Zoho unreachable or refusing, our disk, the settings: causes the message says all of. */
    private static boolean expected(Exception e) {
        return e instanceof IOException || e instanceof java.io.UncheckedIOException
                || e instanceof com.zohoprovisioning.zoho.ZohoLookupException
                || e instanceof com.zohoprovisioning.zoho.ZohoAuthException
                || e instanceof com.zohoprovisioning.config.ConfigurationException;
    }

    private static void writeReason(Path target, String reason) throws IOException {
        WorkFiles.writeAtomically(target.resolveSibling(target.getFileName() + ".reason.txt"),
                reason.getBytes(StandardCharsets.UTF_8));
    }

    private static String sourcePath(Exchange exchange) {
        String p = exchange.getProperty(RunProperties.SOURCE, String.class);
        return p != null ? p : exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
    }
}
