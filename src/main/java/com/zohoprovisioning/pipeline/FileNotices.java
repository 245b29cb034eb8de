package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the wire-tapped copy of a file's exchange into its notice ({@link FileNotice}) for {@code seda:notify}
 * (routes/notify.yaml): {@link #held}, {@link #finished} and {@link #rejected} are the {@code onPrepare} of the
 * {@code wireTap} steps in routes/pipeline.yaml and error-handling.yaml. They run on the file's thread, on the copy:
 * its headers and {@code zp*} properties are replaced by the notice's headers, its body by the notice's text, so that
 * nothing of the file's exchange (and no row) travels on. They never throw: a notice is not worth a file.
 */
public final class FileNotices {

    /** {@code held}, {@code errors}, {@code success} or {@code rejected} ({@link FileNotice.Kind#key}). */
    public static final String KIND = "zpNoticeKind";
    public static final String FEED = "zpNoticeFeed";
    public static final String FILE = "zpNoticeFile";
    public static final String SUBJECT = "zpNoticeSubject";
    public static final String RECORDS = "zpNoticeRecords";
    public static final String SUCCEEDED = "zpNoticeSucceeded";
    public static final String FAILED = "zpNoticeFailed";
    /** Why it was held or rejected (absent otherwise). */
    public static final String REASON = "zpNoticeReason";
    /** The exchange property holding the {@link FileNotice} itself, for the log line of an undelivered notice. */
    public static final String NOTICE = "zpNotice";

    private static final Logger LOG = LoggerFactory.getLogger(FileNotices.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;

    public FileNotices(Path workDir) {
        this.workDir = workDir.toAbsolutePath().normalize();
    }

    /**
     * A held file: why and how to release it from {@code zpHeld} ({@link HeldFile}), where it is from
     * {@code zpMoveTo}; the same for every hold (runaway guard, repeated file, roster guard).
     */
    public void held(Exchange copy) {
        prepare(copy, FileNotice.Kind.HELD, () -> {
            FileRun run = copy.getProperty(RunProperties.RUN, FileRun.class);
            HeldFile held = copy.getProperty(RunProperties.HELD, HeldFile.class);
            Path target = Path.of(copy.getProperty(RunProperties.MOVE_TO, String.class));
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("Held", relative(target));
            paths.put("Reason", relative(target.resolveSibling(target.getFileName() + ".reason.txt")));
            // a roster held by its guard: its plan and its summary beside it
            for (String[] beside : new String[][] {{"Plan", ".plan.csv"}, {"Summary", ".summary.json"}}) {
                Path p = target.resolveSibling(target.getFileName() + beside[1]);
                if (java.nio.file.Files.isRegularFile(p)) {
                    paths.put(beside[0], relative(p));
                }
            }
            String reason = held == null ? null : held.guard() + ": " + held.reason();
            return new FileNotice(FileNotice.Kind.HELD, run.feed().name(), run.fileName(), run.counts.read.get(),
                    run.counts.succeeded.sum(), run.counts.failed.sum(), Map.of(), reason, held == null ? null : held.release(),
                    paths, workDir.toString());
        });
    }

    /**
     * A file finished for real: with errors (a record failed, or a roster's leaver was not deactivated) or cleanly;
     * its counts (a roster's leavers too) and where its results are.
     */
    public void finished(Exchange copy) {
        FileRun run = copy.getProperty(RunProperties.RUN, FileRun.class);
        RosterRun roster = run == null ? null : run.roster();
        boolean clean = run != null && run.counts.failed.sum() == 0 && (roster == null || roster.failed.sum() == 0);
        FileNotice.Kind kind = clean ? FileNotice.Kind.SUCCESS : FileNotice.Kind.ERRORS;
        prepare(copy, kind, () -> {
            PublishedFiles published = run.published();
            Map<String, String> paths = new LinkedHashMap<>();
            if (published.error() != null) {
                paths.put("Errors", relative(published.error()));
            }
            if (published.success() != null) {
                paths.put("Successes", relative(published.success()));
            }
            FileNotice.Leavers leavers = null;
            if (roster != null) {
                if (roster.publishedError != null) {
                    paths.put("Leavers not deactivated", relative(roster.publishedError));
                }
                if (roster.publishedOk != null) {
                    paths.put("Leavers deactivated", relative(roster.publishedOk));
                }
                leavers = new FileNotice.Leavers(roster.leaversPlanned(), roster.deactivated.sum(),
                        roster.failed.sum(), roster.protectedLeavers.size(), RunCounts.sums(roster.failedByCode));
            }
            paths.put("Summary", relative(published.summary()));
            paths.put("Input", relative(published.archive()));
            return new FileNotice(kind, run.feed().name(), run.fileName(), run.counts.read.get(), run.counts.succeeded.sum(),
                    run.counts.failed.sum(), RunCounts.sums(run.counts.byCode), null, null, paths, workDir.toString(), leavers);
        });
    }

    /** A file that could not be read: the rejection's reason, and where the file and its reason are. */
    public void rejected(Exchange copy) {
        prepare(copy, FileNotice.Kind.REJECTED, () -> {
            Exception e = copy.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            Path target = Path.of(copy.getProperty(RunProperties.MOVE_TO, String.class));
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("Rejected", relative(target));
            paths.put("Reason", relative(target.resolveSibling(target.getFileName() + ".reason.txt")));
            return new FileNotice(FileNotice.Kind.REJECTED, copy.getProperty(RunProperties.FEED, String.class),
                    target.getFileName().toString(), 0, 0, 0, Map.of(), e == null ? null : e.getMessage(), null,
                    paths, workDir.toString());
        });
    }

    /**
     * The webhook's JSON body, {@code {"text": "<subject>\n\n<text>"}}: what Slack and Teams incoming webhooks
     * accept.
     */
    public String webhookBody(Exchange exchange) throws JsonProcessingException {
        Message m = exchange.getMessage();
        return JSON.writeValueAsString(Map.of("text", m.getHeader(SUBJECT, String.class) + "\n\n"
                + m.getBody(String.class)));
    }

    private void prepare(Exchange copy, FileNotice.Kind kind, Supplier<FileNotice> notice) {
        String feed = copy.getProperty(RunProperties.FEED, String.class);
        FileNotice n;
        try {
            n = notice.get();
        } catch (RuntimeException e) {
            // a bug: said once, with its trace; the notice still goes out, short
            String source = copy.getProperty(RunProperties.SOURCE, String.class);
            String file = source == null ? "(unknown file)" : Path.of(source).getFileName().toString();
            LOG.error("Could not build the notice of {}/{} ({}); sending a short one", feed, file, kind.key(), e);
            n = new FileNotice(kind, feed, file, 0, 0, 0, Map.of(), "the notice could not be built; see the log",
                    null, Map.of(), workDir.toString());
        }
        Message m = copy.getMessage();
        m.getHeaders().clear();
        copy.removeProperties("zp*");
        copy.setProperty(NOTICE, n);
        m.setHeader(KIND, n.kind().key());
        m.setHeader(FEED, n.feed());
        m.setHeader(FILE, n.file());
        m.setHeader(SUBJECT, n.subject());
        m.setHeader(RECORDS, n.records());
        m.setHeader(SUCCEEDED, n.succeeded());
        m.setHeader(FAILED, n.failed());
        if (n.reason() != null) {
            m.setHeader(REASON, n.reason());
        }
        m.setBody(n.text());
    }

    private String relative(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(workDir) ? workDir.relativize(abs).toString() : abs.toString();
    }
}
