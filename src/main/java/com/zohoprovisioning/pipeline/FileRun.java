package com.zohoprovisioning.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One file being processed: its open record stream, its result writers (opened on first use, in a temp folder
 * until the file is done), its counters and its lookups. Lives in the exchange property {@code zpRun}.
 */
public final class FileRun {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneId.systemDefault());

    private final FeedDefinition feed;
    private final Path source;
    private final FileFormat format;
    private final Path tmpDir;
    private final Instant started = Instant.now();
    private final String stamp = STAMP.format(started);
    private final boolean dryRun;
    private RecordSource records;
    private final ResultFiles results = new ResultFiles(this::open);
    private final RunCalls calls = new RunCalls();
    private Object lookups;
    private Path profileFile;
    private volatile PublishedFiles published;
    final RunCounts counts = new RunCounts();
    volatile boolean alreadyDone;
    private FileJournal journal;
    private volatile String stopReason;
    private volatile boolean fatal;
    private volatile boolean resultsBom = true;
    private String sha256;
    private volatile ProcessedFiles.Entry repeatOf;
    private FieldMapping mapping;
    private volatile String approval;
    private volatile RosterRun roster;
    private TakenInput input;
    private volatile Instant resumeAt;

    FileRun(FeedDefinition feed, Path source, FileFormat format, Path tmpDir, boolean dryRun) {
        this.feed = feed;
        this.source = source;
        this.format = format;
        this.tmpDir = tmpDir;
        this.dryRun = dryRun;
    }

    /** Whether CSV result files start with a UTF-8 BOM ({@code provisioning.results-bom}), whatever the input had. */
    void resultsBom(boolean bom) {
        this.resultsBom = bom;
    }

    public FeedDefinition feed() {
        return feed;
    }

    public Path source() {
        return source;
    }

    /** The name its outputs are named after: the input's, shortened when too long for them ({@link OutputNames}). */
    public String fileName() {
        return OutputNames.of(inputName());
    }

    /** The input's own name in the inbox. */
    public String inputName() {
        return source.getFileName().toString();
    }

    public FileFormat format() {
        return format;
    }

    public Instant started() {
        return started;
    }

    public String stamp() {
        return stamp;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public FileJournal journal() {
        return journal;
    }

    void journal(FileJournal j) {
        this.journal = j;
    }

    /** Why the run stopped calling Zoho before the end of the file (runaway guard, unwritable output), or null. */
    public String stopReason() {
        return stopReason;
    }

    /** True when the stop is an I/O failure of our own (the file stays in the inbox), not a runaway guard. */
    public boolean fatal() {
        return fatal;
    }

    /** An earlier run published this file and stopped before archiving it: nothing is sent, it is archived. */
    public boolean alreadyDone() {
        return alreadyDone;
    }

    /** The SHA-256 of the input's bytes (hex), computed once: it keys the journal and the repeat check. */
    public synchronized String sha256() throws IOException {
        if (sha256 == null) {
            sha256 = input != null ? input.sha256() : Sha256.of(source);
        }
        return sha256;
    }

    /** The input's private copy, the one this run reads (null until it is taken, or when it was rejected before). */
    public TakenInput input() {
        return input;
    }

    void input(TakenInput taken) {
        this.input = taken;
    }

    /** The earlier run this file repeats (same bytes, finished within provisioning.repeat-window), or null. */
    public ProcessedFiles.Entry repeatOf() {
        return repeatOf;
    }

    void markRepeatOf(ProcessedFiles.Entry e) {
        this.repeatOf = e;
    }

    /** The approval {@code approve} left beside the file (used up by the repeat check), or null. */
    public String approval() {
        return approval;
    }

    void approval(String text) {
        this.approval = text;
    }

    /** Roster mode: the file's plan (leavers, guard, counts), or null in changes mode. */
    public RosterRun roster() {
        return roster;
    }

    /** Roster mode: the guard holds this file (more leavers than allowed, no approval of this plan). */
    public boolean rosterHeld() {
        RosterRun r = roster;
        return r != null && r.heldReason() != null;
    }

    void startRoster(RosterRun r) {
        this.roster = r;
    }

    void mapping(FieldMapping m) {
        this.mapping = m;
    }

    /** The file's records again from the start, read as the run reads them (roster mode's look ahead). */
    RecordSource reopen() throws IOException {
        return new com.zohoprovisioning.mapping.ProfiledRecordSource(RecordReader.open(input.copy(), format,
                feed.reader(), mapping, input.nul(), input.utf8()));
    }

    /**
     * Stops the run from a feed's step, as the runaway guard does: no record starts after this (a record waiting for
     * its turn is kept too), and the file goes to held/ with {@code reason} in its .reason.txt; its journal stays, so
     * moving it back into the inbox continues where it stopped. False when the run had already stopped.
     */
    public boolean hold(String reason) {
        return stop(reason, false);
    }

    boolean stop(String reason, boolean fatalError) {
        synchronized (this) {
            if (stopReason != null) {
                return false;
            }
            stopReason = reason;
            fatal = fatalError;
        }
        // the stream ends: reading must not wait for records that will get no line (outside this lock: the
        // buffer's writing takes this run's lock for its writers while holding its own)
        ResultOrder o = results.order();
        if (o != null) {
            o.stopWaiting();
        }
        return true;
    }

    public RecordSource records() {
        return records;
    }

    void records(RecordSource r) {
        this.records = r;
    }

    /** The feed's lookups for this file (roles, profiles, users…), loaded once. */
    @SuppressWarnings("unchecked")
    public <T> T lookups(Class<T> type) {
        return (T) lookups;
    }

    public void lookups(Object l) {
        this.lookups = l;
    }

    /** The {@code <file>.profile} beside the input that forced its mapping profile, or null. */
    public Path profileFile() {
        return profileFile;
    }

    void profileFile(Path p) {
        this.profileFile = p;
    }

    /** Where the results went, once they are published. */
    PublishedFiles published() {
        return published;
    }

    void published(PublishedFiles p) {
        this.published = p;
    }

    /** When a file held for Zoho's API credits may go again (it is moved back into the inbox then), or null. */
    public Instant resumeAt() {
        return resumeAt;
    }

    void resumeAt(Instant at) {
        resumeAt = at;
    }

    /** The Zoho calls of this file: by endpoint and API, the credits reported, a dry run's writes. */
    public RunCalls calls() {
        return calls;
    }

    /** Its success and error files (in input order once the records are streamed). */
    ResultFiles results() {
        return results;
    }

    private ResultWriter open(String kind) {
        return new ResultWriter(tmpDir.resolve(kind + "." + format.extension()), format,
                records.columns() == null ? java.util.List.of() : records.columns(), records.delimiter(),
                resultsBom, records.jsonWrapper(),
                records.mapping() == null || records.mapping().profile() == null ? null
                        : records.mapping().profile().name());
    }

    Path tmpDir() {
        return tmpDir;
    }

    void closeAll() throws IOException {
        if (records != null) {
            records.close();
        }
        results.close();
        if (roster != null) {
            roster.results.close();
        }
        if (journal != null) {
            journal.close();
        }
    }
}
