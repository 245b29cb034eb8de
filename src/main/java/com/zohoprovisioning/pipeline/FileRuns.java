package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zohoprovisioning.mapping.MappingProfile;
import com.zohoprovisioning.mapping.ProfiledRecordSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The file-level steps of the pipeline, called from {@code routes/pipeline.yaml}: open a file, stream its
 * records, record each outcome, and finish (result files into success/ and error/, the summary into reports/,
 * the input into archive/) or reject it (into rejected/ with a reason).
 */
public class FileRuns {

    public static final String RUN = "zpRun";
    public static final String RECORD = "zpRecord";
    public static final String OUTCOME = "zpOutcome";
    public static final String FEED = "zpFeed";
    public static final String MOVE_TO = "zpMoveTo";
    public static final String SOURCE = "zpSource";
    private static final Logger LOG = LoggerFactory.getLogger(FileRuns.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path workDir;
    private final Map<String, FeedDefinition> feeds;
    private final RunStats stats;
    private final boolean dryRun;
    private final long progressNanos;
    private final RunawayGuard guard;

    public FileRuns(Path workDir, Map<String, FeedDefinition> feeds, RunStats stats, boolean dryRun, int progressSeconds) {
        this(workDir, feeds, stats, dryRun, progressSeconds, RunawayGuard.off());
    }

    public FileRuns(Path workDir, Map<String, FeedDefinition> feeds, RunStats stats, boolean dryRun, int progressSeconds,
                    RunawayGuard guard) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.feeds = feeds;
        this.stats = stats;
        this.dryRun = dryRun;
        this.progressNanos = progressSeconds * 1_000_000_000L;
        this.guard = guard;
    }

    public Path workDir() {
        return workDir;
    }

    /** Opens the file of the exchange: format, charset, header; rejects it when it cannot be read. */
    public void open(Exchange exchange) throws IOException {
        String feedName = exchange.getProperty(FEED, String.class);
        FeedDefinition feed = feeds.get(feedName);
        if (feed == null) {
            throw new IllegalStateException("unknown feed " + feedName);
        }
        Path source = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
        exchange.setProperty(SOURCE, source.toString());
        deleteStaleTemp(feedName, source.getFileName().toString());
        Path tmp = workDir.resolve(".tmp").resolve(feedName)
                .resolve(source.getFileName() + "." + System.nanoTime());
        FileRun run = new FileRun(feed, source, FileFormat.of(source.getFileName().toString()), tmp, dryRun);
        exchange.setProperty(RUN, run);
        if (!dryRun) {
            openJournal(run, feedName);
        }
        run.records(new ProfiledRecordSource(RecordReader.open(source, run.format(), feed.reader(),
                mappingFor(feed, source, run))));
        for (String required : feed.requiredColumns()) {
            boolean present = false;
            for (String alternative : required.split("\\|")) {
                present |= run.records().fields().contains(alternative);
            }
            if (!present && !(run.format() != FileFormat.CSV && !run.records().hasNext())) {
                throw new FileRejectedException("the required column '" + required.replace("|", "' or '")
                        + "' is missing (columns found: " + describeColumns(run) + ")" + noHeaderHint(run));
            }
        }
        FieldMapping chosen = run.records().mapping();
        LOG.info("Processing {}/{} ({}, {}{}{})", feedName, run.fileName(), run.format(), run.records().charset(),
                run.format() == FileFormat.CSV ? ", delimiter '" + printable(run.records().delimiter()) + "'" : "",
                chosen == null || chosen.profile() == null ? ""
                        : ", profile " + chosen.profile().name() + " (" + chosen.profileSource() + ")");
    }

    /**
     * The feed's mapping, or one whose profile a {@code <file>.profile} beside the input forces (its first line: a
     * profile name, or none). An unknown name rejects the file.
     */
    private static FieldMapping mappingFor(FeedDefinition feed, Path source, FileRun run) throws IOException {
        Path sidecar = source.resolveSibling(source.getFileName() + ".profile");
        if (!Files.isRegularFile(sidecar)) {
            return feed.mapping();
        }
        run.profileFile(sidecar);
        String name = Files.readString(sidecar, StandardCharsets.UTF_8).replace("\uFEFF", "").strip().split("\\R", 2)[0]
                .strip();
        if (name.equalsIgnoreCase("none")) {
            return feed.mapping().withProfile(null, FieldMapping.SOURCE_FILE);
        }
        MappingProfile p = feed.mapping().profiles().byName(name);
        if (p == null) {
            throw new FileRejectedException(sidecar.getFileName() + " names the mapping profile '" + name + "', which feed "
                    + feed.name() + " does not know (known: none, " + String.join(", ", feed.mapping().profiles().names())
                    + ")");
        }
        return feed.mapping().withProfile(p, FieldMapping.SOURCE_FILE);
    }

    /** Moves the {@code <file>.profile} of a run beside where its input went. */
    private static void moveProfileFile(FileRun run, Path inputTarget) {
        if (run == null || run.profileFile() == null || !Files.exists(run.profileFile())) {
            return;
        }
        try {
            Files.createDirectories(inputTarget.getParent());
            move(run.profileFile(), inputTarget.resolveSibling(inputTarget.getFileName() + ".profile"));
        } catch (IOException e) {
            LOG.warn("could not move {}: {}", run.profileFile(), e.getMessage());
        }
    }

    /** The file's journal: resumes an interrupted run (see {@link FileJournal}). */
    private void openJournal(FileRun run, String feedName) throws IOException {
        Path dir = FileJournal.dirFor(workDir, feedName, run.source());
        FileJournal journal = FileJournal.open(dir);
        if (journal.done() != null) {
            if (Files.exists(workDir.resolve(journal.done()))) {
                journal.close();
                deleteTree(dir); // a left-over of a finished run: this is the same file dropped again
                journal = FileJournal.open(dir);
            } else {
                run.alreadyDone = true;
                LOG.warn("{}/{} was finished by an earlier run that stopped before archiving it: archiving it now, "
                        + "nothing is sent again", feedName, run.fileName());
            }
        } else if (journal.outcomes() > 0 || journal.inDoubtCount() > 0) {
            LOG.info("Resuming {}/{}: {} records already have an outcome and are not sent again; {} were sent without "
                    + "an answer and are looked up first", feedName, run.fileName(), journal.outcomes(), journal.inDoubtCount());
        }
        run.journal(journal);
    }

    private void deleteStaleTemp(String feed, String fileName) {
        Path dir = workDir.resolve(".tmp").resolve(feed);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith(fileName + ".")).forEach(FileRuns::deleteTree);
        } catch (IOException e) {
            LOG.warn("could not clean {}: {}", dir, e.getMessage());
        }
    }

    private static String describeColumns(FileRun run) {
        List<String> cols = run.records().columns();
        String s = cols != null ? String.join(", ", cols) : String.join(", ", run.records().fields());
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** A CSV whose "header" holds an e-mail address has no header row at all. */
    private static String noHeaderHint(FileRun run) {
        List<String> cols = run.records().columns();
        if (cols != null && cols.stream().anyMatch(c -> c.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            return "; the first row looks like data, not a header: the file needs a header row naming its columns";
        }
        return "";
    }

    private static String printable(char c) {
        return c == '\t' ? "tab" : String.valueOf(c);
    }

    /** The properties of the file's exchange every record needs; the split copies all of them into each record. */
    private static final java.util.Set<String> FILE_PROPERTIES = java.util.Set.of(RUN, FEED, MOVE_TO, SOURCE);

    /**
     * After the lookups: forgets what their calls left on the file's exchange (zpPath, zpPage, the retry counters,
     * Camel's loop and circuit-breaker properties ...) and the message headers (the file consumer's and the last
     * lookup's answer: the run holds the file's path), so that the split copies less into each record and no
     * record sees a value meant for a lookup.
     */
    public void lookupsLoaded(Exchange exchange) {
        exchange.getMessage().getHeaders().clear();
        exchange.getProperties().keySet().removeIf(name -> name.startsWith("zp") && !FILE_PROPERTIES.contains(name)
                || name.startsWith("CamelCircuitBreaker"));
        exchange.removeProperty(org.apache.camel.ExchangePropertyKey.LOOP_INDEX);
        exchange.removeProperty(org.apache.camel.ExchangePropertyKey.TO_ENDPOINT);
    }

    /** The records to split: streamed, with a second record of the same key marked (or queued behind the first). */
    public Iterator<InputRecord> records(Exchange exchange) {
        FileRun run = exchange.getProperty(RUN, FileRun.class);
        FeedDefinition feed = run.feed();
        KeyIndex firstRows = new KeyIndex(run.tmpDir());
        Map<String, CompletableFuture<Void>> lastTurn = new HashMap<>();
        RecordSource source = run.records();
        FileJournal journal = run.journal();
        return new Iterator<>() {
            private InputRecord ahead;

            @Override
            public boolean hasNext() {
                advance();
                return ahead != null;
            }

            @Override
            public InputRecord next() {
                advance();
                if (ahead == null) {
                    throw new java.util.NoSuchElementException();
                }
                InputRecord r = ahead;
                ahead = null;
                return r;
            }

            /** The next record to send; records the journal already has an outcome for are written from it. */
            private void advance() {
                while (ahead == null && run.stopReason() == null && !run.alreadyDone && source.hasNext()) {
                    InputRecord r = source.next();
                    run.read.incrementAndGet();
                    String key = feed.keyField() == null ? null : r.get(feed.keyField());
                    if (key != null && r.problem() == null) {
                        key = key.toLowerCase(Locale.ROOT);
                        if (feed.sameKey() == FeedDefinition.SameKey.REJECT) {
                            long first = firstRows.putIfAbsent(key, r.row());
                            if (first >= 0) {
                                r.markDuplicateOf(first);
                            }
                        } else {
                            CompletableFuture<Void> mine = new CompletableFuture<>();
                            r.turn(lastTurn.put(key, mine), mine);
                        }
                    }
                    RecordOutcome done = journal == null ? null : journal.outcome(r.row());
                    if (done != null) {
                        replay(run, r, done);
                        continue;
                    }
                    String doubt = journal == null ? null : journal.inDoubt(r.row());
                    if (doubt != null) {
                        r.markInDoubt(doubt);
                    }
                    ahead = r;
                }
            }
        };
    }

    /** A record an earlier run finished: its result line comes from the journal, nothing is sent. */
    private void replay(FileRun run, InputRecord r, RecordOutcome o) {
        if (publish(run, r, o, false)) {
            run.resumed.increment();
        }
    }

    /**
     * Writes a record's outcome: its journal line first (unless it came from the journal), then its result line,
     * and counts it. False when the output could not be written: the file is stopped (the record gets no outcome
     * and stays for a later run).
     */
    private boolean publish(FileRun run, InputRecord r, RecordOutcome o, boolean journal) {
        try {
            if (journal && run.journal() != null) {
                run.journal().outcome(r.row(), o);
            }
            run.writer(o.success()).write(r, o);
        } catch (UncheckedIOException e) {
            stopFatal(run, e);
            return false;
        } finally {
            r.endTurn();
        }
        count(run, o);
        return true;
    }

    /** First step of a record route: keeps the record in {@code zpRecord}, waits for its turn, checks it was read. */
    public void startRecord(Exchange exchange) {
        InputRecord r = exchange.getMessage().getBody(InputRecord.class);
        exchange.setProperty(RECORD, r);
        String stopped = exchange.getProperty(RUN, FileRun.class).stopReason();
        if (stopped != null) {
            throw new RecordHeldException(stopped);
        }
        r.awaitTurn();
        if (r.problem() != null) {
            throw new RecordException("INVALID_RECORD", r.problem());
        }
        if (r.duplicateOf() != null) {
            FeedDefinition feed = exchange.getProperty(RUN, FileRun.class).feed();
            throw new RecordException("DUPLICATE_IN_FILE", "another record for " + feed.keyField() + " '"
                    + r.get(feed.keyField()) + "' comes first, in row " + r.duplicateOf() + "; this one was not sent");
        }
    }

    /**
     * Before each HTTP attempt (retries included): counts the call for the run's summary, and, before a call that
     * changes Zoho, notes in the journal that this record's call is going out, so that a run killed before the
     * answer arrives knows to look the record up instead of sending it blindly again.
     */
    public void sending(Exchange exchange) {
        com.zohoprovisioning.zoho.ZohoCall call = com.zohoprovisioning.zoho.ZohoCall.of(exchange);
        FileRun run = call == null ? null : call.caller(RUN, FileRun.class);
        if (run == null) {
            return;
        }
        run.countCall(call.endpoint());
        InputRecord r = call.caller(RECORD, InputRecord.class);
        if (r == null || run.journal() == null || "GET".equalsIgnoreCase(call.method()) || call.journaled()) {
            return;
        }
        run.journal().sent(r.row(), call.method());
        call.journaled(true);
    }

    /** A record not started because the run stopped: no outcome, it stays for the next run. */
    public void hold(Exchange exchange) {
        FileRun run = exchange.getProperty(RUN, FileRun.class);
        InputRecord r = exchange.getProperty(RECORD, InputRecord.class);
        if (r == null) {
            r = exchange.getMessage().getBody(InputRecord.class);
        }
        r.endTurn();
        run.held.increment();
    }

    /** Writes the record's outcome: first into the journal, then into the success or error file. */
    public void write(Exchange exchange) {
        FileRun run = exchange.getProperty(RUN, FileRun.class);
        InputRecord r = exchange.getProperty(RECORD, InputRecord.class);
        if (r == null) {
            r = exchange.getMessage().getBody(InputRecord.class);
        }
        RecordOutcome o = exchange.getProperty(OUTCOME, RecordOutcome.class);
        if (!publish(run, r, o, true)) {
            return;
        }
        String reason = guard.check(run, o);
        if (reason != null && run.stop(reason, false)) {
            LOG.error("Stopping {}/{}: {}. No more calls for this file; the records not done yet are kept for a later run",
                    run.feed().name(), run.fileName(), reason);
        }
        progress(run);
    }

    private static void stopFatal(FileRun run, UncheckedIOException e) {
        if (run.stop("cannot write the results of this file: " + e.getMessage(), true)) {
            LOG.error("Stopping {}/{}: cannot write its results ({}). No more calls for this file; it stays in the inbox "
                    + "and continues where it stopped once the disk or folder is fixed", run.feed().name(), run.fileName(),
                    e.getMessage());
        }
    }

    private static void count(FileRun run, RecordOutcome o) {
        (o.success() ? run.succeeded : run.failed).increment();
        if (o.action() != null && !o.action().isEmpty()) {
            run.byAction.computeIfAbsent(o.action(), k -> new LongAdder()).increment();
        }
        if (!o.success()) {
            run.byCode.computeIfAbsent(o.code(), k -> new LongAdder()).increment();
        }
    }

    private void progress(FileRun run) {
        long now = System.nanoTime();
        long last = run.lastProgressNanos;
        if (now - last > progressNanos) {
            run.lastProgressNanos = now;
            long done = run.succeeded.sum() + run.failed.sum();
            double secs = Duration.between(run.started(), Instant.now()).toMillis() / 1000.0;
            LOG.info("{}/{}: {} records done ({} read), {} errors, {} records/s", run.feed().name(), run.fileName(),
                    done, run.read.get(), run.failed.sum(), String.format(Locale.ROOT, "%.1f", done / Math.max(secs, 0.001)));
        }
    }

    /** Every record has an outcome: publish the result files and the summary, archive the input. */
    public Map<String, Object> finish(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RUN, FileRun.class);
        run.closeAll();
        if (run.alreadyDone) {
            exchange.setProperty(MOVE_TO, workDir.resolve(run.journal().done()).toString());
            deleteTree(run.tmpDir());
            deleteJournalWhenArchived(exchange, run);
            return Map.of("already_done", true);
        }
        if (run.stopReason() != null) {
            deleteTree(run.tmpDir());
            if (run.fatal()) {
                throw new IOException(run.stopReason());
            }
            return hold(exchange, run);
        }
        String feed = run.feed().name();
        String name = freeName(feed, run.fileName(), run.stamp());
        Path okFile = publish(run.successWriter(), workDir.resolve("success").resolve(feed).resolve(name));
        Path errFile = publish(run.errorWriter(), workDir.resolve("error").resolve(feed).resolve(name));
        Path archive = unique(workDir.resolve("archive").resolve(feed), run.fileName(), run.stamp());
        Instant end = Instant.now();
        long ok = run.succeeded.sum();
        long failed = run.failed.sum();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("feed", feed);
        summary.put("file", run.fileName());
        summary.put("format", run.format().extension());
        summary.put("dry_run", run.dryRun());
        summary.put("records_read", run.read.get());
        summary.put("resumed_from_journal", run.resumed.sum());
        if (run.records() instanceof ProfiledRecordSource p) {
            summary.put("profile", p.profileReport());
            summary.put("skipped", p.skippedReport());
        }
        summary.put("succeeded", ok);
        summary.put("failed", failed);
        summary.put("by_action", FileRun.sums(run.byAction));
        summary.put("by_error_code", FileRun.sums(run.byCode));
        Map<String, Object> calls = new LinkedHashMap<>();
        calls.put("total", run.apiCallTotal());
        calls.put("by_endpoint", FileRun.sums(run.apiCalls));
        summary.put("api_calls", calls);
        summary.put("started", run.started().toString());
        summary.put("ended", end.toString());
        long ms = Duration.between(run.started(), end).toMillis();
        summary.put("duration_ms", ms);
        summary.put("records_per_second", Math.round((ok + failed) * 1000.0 / Math.max(ms, 1)));
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("success", okFile == null ? null : workDir.relativize(okFile).toString());
        files.put("error", errFile == null ? null : workDir.relativize(errFile).toString());
        files.put("archive", workDir.relativize(archive).toString());
        summary.put("files", files);
        Path report = workDir.resolve("reports").resolve(feed).resolve(name + ".summary.json");
        writeAtomically(report, JSON.writeValueAsBytes(summary));
        moveProfileFile(run, archive);
        deleteTree(run.tmpDir());
        if (run.journal() != null) {
            run.journal().done(workDir.relativize(archive).toString());
            run.journal().close();
            deleteJournalWhenArchived(exchange, run);
        }
        exchange.setProperty(MOVE_TO, archive.toString());
        stats.fileDone(ok, failed);
        LOG.info("Finished {}/{}: {} records, {} succeeded, {} failed, {} API calls, {} ms{}", feed, run.fileName(),
                run.read.get(), ok, failed, run.apiCallTotal(), ms, run.dryRun() ? " (dry run)" : "");
        return summary;
    }

    /**
     * The runaway guard stopped the file: it goes to held/ with a .reason.txt; its journal stays, so moving it back
     * into the inbox continues where it stopped (records with an outcome are not sent again).
     */
    private Map<String, Object> hold(Exchange exchange, FileRun run) throws IOException {
        String feed = run.feed().name();
        Path target = unique(workDir.resolve("held").resolve(feed), run.fileName(), run.stamp());
        long done = run.succeeded.sum() + run.failed.sum();
        String reason = "File: " + run.fileName() + "\nFeed: " + feed + "\nHeld: " + Instant.now() + "\nReason: "
                + run.stopReason() + "\nRecords with an outcome: " + done + " (" + run.succeeded.sum() + " succeeded, "
                + run.failed.sum() + " failed; kept in the journal, not sent again)\nRecords not sent: the rest of the "
                + "file\nFix the cause (token, data centre, Zoho status), then move this file back into inbox/" + feed
                + "/ as it is: it continues where it stopped.\n";
        writeAtomically(target.resolveSibling(target.getFileName() + ".reason.txt"), reason.getBytes(StandardCharsets.UTF_8));
        exchange.setProperty(MOVE_TO, target.toString());
        stats.fileFailed(run.source().toString(), "held " + run.fileName() + ": " + run.stopReason());
        LOG.error("Held {}/{} in {}: {}. {} records done, the rest kept for a later run", feed, run.fileName(),
                workDir.relativize(target), run.stopReason(), done);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("held", workDir.relativize(target).toString());
        summary.put("reason", run.stopReason());
        return summary;
    }

    /** The journal goes once the input has been moved to archive/ (after the file consumer's own move). */
    private static void deleteJournalWhenArchived(Exchange exchange, FileRun run) {
        Path dir = run.journal().dir();
        exchange.getExchangeExtension().addOnCompletion(new org.apache.camel.support.SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange e) {
                deleteTree(dir);
            }

            @Override
            public int getOrder() {
                return LOWEST;
            }
        });
    }

    /** The file cannot be read: it goes to rejected/ with a .reason.txt beside it; nothing was called. */
    public void reject(Exchange exchange) throws IOException {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        FileRun run = exchange.getProperty(RUN, FileRun.class);
        String feed = exchange.getProperty(FEED, String.class);
        String fileName = Path.of(sourcePath(exchange)).getFileName().toString();
        if (run != null) {
            try {
                run.closeAll();
            } finally {
                deleteTree(run.tmpDir());
            }
        }
        String stamp = run != null ? run.stamp() : String.valueOf(System.currentTimeMillis());
        Path target = unique(workDir.resolve("rejected").resolve(feed), fileName, stamp);
        String reason = "File: " + fileName + "\nFeed: " + feed + "\nRejected: " + Instant.now() + "\nReason: "
                + (e == null ? "unknown" : e.getMessage()) + "\nNo record of this file was sent to Zoho. Fix the file"
                + " and drop it into inbox/" + feed + "/ again.\n";
        writeAtomically(target.resolveSibling(target.getFileName() + ".reason.txt"), reason.getBytes(StandardCharsets.UTF_8));
        moveProfileFile(run, target);
        exchange.setProperty(MOVE_TO, target.toString());
        stats.fileRejected();
        LOG.warn("Rejected {}/{}: {}", feed, fileName, e == null ? "unknown" : e.getMessage());
    }

    /** The file could not be processed at all (auth, Zoho unreachable): it stays in the inbox. */
    public void fail(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        FileRun run = exchange.getProperty(RUN, FileRun.class);
        if (run != null) {
            try {
                run.closeAll();
            } catch (IOException ignored) {
                // the run is abandoned; its temp files go next
            }
            deleteTree(run.tmpDir());
        }
        String path = sourcePath(exchange);
        String reason = (e == null ? "unknown error" : e.getClass().getSimpleName() + ": " + e.getMessage());
        stats.fileFailed(Path.of(path).toAbsolutePath().toString(), reason);
        LOG.error("Could not process {}: {}. The file stays in the inbox and is tried again.", path, reason);
    }

    private static String sourcePath(Exchange exchange) {
        String p = exchange.getProperty(SOURCE, String.class);
        return p != null ? p : exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
    }

    private String freeName(String feed, String fileName, String stamp) {
        String name = fileName;
        int n = 0;
        while (Files.exists(workDir.resolve("success").resolve(feed).resolve(name))
                || Files.exists(workDir.resolve("error").resolve(feed).resolve(name))
                || Files.exists(workDir.resolve("reports").resolve(feed).resolve(name + ".summary.json"))) {
            name = stamped(fileName, stamp + (n++ == 0 ? "" : "-" + n));
        }
        return name;
    }

    private static Path unique(Path dir, String fileName, String stamp) {
        Path p = dir.resolve(fileName);
        int n = 0;
        while (Files.exists(p)) {
            p = dir.resolve(stamped(fileName, stamp + (n++ == 0 ? "" : "-" + n)));
        }
        return p;
    }

    /** people.csv → people.20261123-101500-123.csv */
    static String stamped(String fileName, String stamp) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName + "." + stamp : fileName.substring(0, dot) + "." + stamp + fileName.substring(dot);
    }

    private static Path publish(ResultWriter writer, Path target) throws IOException {
        if (writer == null) {
            return null;
        }
        Files.createDirectories(target.getParent());
        move(writer.path(), target);
        return target;
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        move(tmp, target);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete temp folder {}: {}", dir, e.getMessage());
        }
    }
}
