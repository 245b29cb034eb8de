package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.zoho.ZohoCall;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * A record's bookkeeping in its file's run: the journal's "sent" line before a call that changes Zoho, then its
 * outcome (the journal line first, then the result line in the success or error file), its counts, the runaway
 * guard's verdict and the progress log. Output that cannot be written stops the file (it stays in the inbox).
 */
public final class OutcomeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final long progressNanos;
    private final com.zohoprovisioning.zoho.ZohoCredits credits;
    private final RunawayGuard guard;

    public OutcomeRecorder(int progressSeconds, RunawayGuard guard) {
        this(progressSeconds, null, guard);
    }

    public OutcomeRecorder(int progressSeconds, com.zohoprovisioning.zoho.ZohoCredits credits, RunawayGuard guard) {
        this.progressNanos = progressSeconds * 1_000_000_000L;
        this.credits = credits;
        this.guard = guard;
    }

    /** After an answer that reported the API credits left: the file's summary shows them before and after. */
    public void creditsReported(Exchange exchange, long left) {
        ZohoCall call = ZohoCall.of(exchange);
        FileRun run = call == null ? null : call.caller(RunProperties.RUN, FileRun.class);
        if (run != null) {
            run.calls().creditsReported(call.api(), left);
        }
    }

    /**
     * Before each HTTP attempt (retries included): counts the call for the run's summary, and, before a call that
     * changes Zoho, notes in the journal that this record's call is going out, so that a run killed before the
     * answer arrives knows to look the record up instead of sending it blindly again.
     */
    public void sending(Exchange exchange) {
        ZohoCall call = ZohoCall.of(exchange);
        FileRun run = call == null ? null : call.caller(RunProperties.RUN, FileRun.class);
        if (run == null) {
            return;
        }
        run.calls().count(call.api(), call.endpoint());
        InputRecord r = call.caller(RunProperties.RECORD, InputRecord.class);
        if (r == null || run.journal() == null || "GET".equalsIgnoreCase(call.method()) || call.journaled()) {
            return;
        }
        run.journal().sent(r.row(), call.method());
        call.journaled(true);
    }

    /** The record's outcome ({@code zpOutcome}): journalled, written, counted; then the runaway guard's check. */
    public void write(Exchange exchange) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        if (r == null) {
            r = exchange.getMessage().getBody(InputRecord.class);
        }
        RecordOutcome o = exchange.getProperty(RunProperties.OUTCOME, RecordOutcome.class);
        if (stopsTheFile(run, o)) {
            // not a row error: this record, like the ones not started, gets no outcome and is sent when it resumes
            r.endTurn();
            run.results().skip(r);
            run.counts.held.increment();
            exchange.removeProperty(RunProperties.OUTCOME);
            return;
        }
        if (!write(run, r, o, true)) {
            return;
        }
        String reason = guard.check(run, o);
        if (reason != null && run.stop(reason, false)) {
            LOG.error("Stopping {}/{}: {}. No more calls for this file; the records not done yet are kept for a later run",
                    run.feed().name(), run.fileName(), reason);
        }
        progress(run);
    }

    /**
     * An outcome that is no row's fault and stops the whole file (held, journal kept): Zoho's API credits under the
     * reserve (the file resumes when they are back), or the token refused (fix the credentials, move it back). True
     * when {@code o} is one of them; the caller then writes no outcome for its record (or leaver).
     */
    boolean stopsTheFile(FileRun run, RecordOutcome o) {
        String reason;
        java.time.Instant resume = null;
        if (creditsLow(o)) {
            resume = credits == null ? null : credits.resumeAt();
            String m = o.message() == null ? "" : o.message();
            reason = m.contains("Zoho API credits:") ? m.substring(m.indexOf("Zoho API credits:")) : m;
        } else if (tokenRefused(o)) {
            reason = "Zoho refused the token: " + stripPrefix(o.message()) + "; fix the credentials, then move the file"
                    + " back into the inbox: it continues where it stopped";
        } else {
            return false;
        }
        if (run.stop(reason, false)) {
            if (resume != null) {
                run.resumeAt(resume);
            }
            LOG.error("Stopping {}/{}: {}. No more calls for this file; the records not done yet are kept for a"
                    + " later run", run.feed().name(), run.fileName(), reason);
        }
        return true;
    }

    /** The call was not sent: Zoho's API credits are under the reserve (CREDITS_RESERVE). */
    static boolean creditsLow(RecordOutcome o) {
        return o != null && !o.success()
                && com.zohoprovisioning.zoho.ZohoCallFailures.CREDITS_RESERVE.equals(o.code());
    }

    /** The token endpoint refused us during the call ({@code ZohoAuthException}, turned into AUTH_FAILED). */
    static boolean tokenRefused(RecordOutcome o) {
        return o != null && !o.success() && com.zohoprovisioning.zoho.ZohoCallFailures.AUTH_FAILED.equals(o.code());
    }

    private static String stripPrefix(String m) {
        String p = "Zoho refused the token refresh: ";
        return m == null ? "" : m.startsWith(p) ? m.substring(p.length()) : m;
    }

    /** A record an earlier run finished: its result line comes from the journal, nothing is sent. */
    void replay(FileRun run, InputRecord r, RecordOutcome o) {
        if (write(run, r, o, false)) {
            run.counts.resumed.increment();
        }
    }

    /**
     * Writes a record's outcome: its journal line first (unless it came from the journal), then its result line,
     * and counts it. False when the output could not be written: the file is stopped (the record gets no outcome
     * and stays for a later run).
     */
    private static boolean write(FileRun run, InputRecord r, RecordOutcome o, boolean journal) {
        boolean placed = false;
        try {
            if (journal && run.journal() != null) {
                run.journal().outcome(r.row(), o);
            }
            placed = true;
            run.results().write(r, o);
        } catch (UncheckedIOException e) {
            if (!placed) {
                // no journal line: no result line either, and the records after it must not wait for one
                run.results().skip(r);
            }
            stopFatal(run, e);
            return false;
        } finally {
            r.endTurn();
        }
        count(run, o);
        return true;
    }

    private static void stopFatal(FileRun run, UncheckedIOException e) {
        if (run.stop("cannot write the results of this file: " + e.getMessage(), true)) {
            LOG.error("Stopping {}/{}: cannot write its results ({}). No more calls for this file; it stays in the inbox "
                    + "and continues where it stopped once the disk or folder is fixed", run.feed().name(), run.fileName(),
                    e.getMessage());
        }
    }

    private static void count(FileRun run, RecordOutcome o) {
        (o.success() ? run.counts.succeeded : run.counts.failed).increment();
        if (o.action() != null && !o.action().isEmpty()) {
            run.counts.byAction.computeIfAbsent(o.action(), k -> new LongAdder()).increment();
        }
        if (!o.success()) {
            run.counts.byCode.computeIfAbsent(o.code(), k -> new LongAdder()).increment();
        }
    }

    private void progress(FileRun run) {
        long now = System.nanoTime();
        long last = run.counts.lastProgressNanos;
        if (now - last > progressNanos) {
            run.counts.lastProgressNanos = now;
            long done = run.counts.succeeded.sum() + run.counts.failed.sum();
            double secs = Duration.between(run.started(), Instant.now()).toMillis() / 1000.0;
            LOG.info("{}/{}: {} records done ({} read), {} errors, {} records/s", run.feed().name(), run.fileName(),
                    done, run.counts.read.get(), run.counts.failed.sum(), String.format(Locale.ROOT, "%.1f", done / Math.max(secs, 0.001)));
        }
    }
}
