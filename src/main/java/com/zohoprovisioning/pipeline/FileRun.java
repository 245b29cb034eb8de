package com.zohoprovisioning.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

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
    private ResultWriter success;
    private ResultWriter error;
    private Object lookups;
    private Path profileFile;
    private volatile PublishedFiles published;
    final AtomicLong read = new AtomicLong();
    final LongAdder succeeded = new LongAdder();
    final LongAdder failed = new LongAdder();
    final Map<String, LongAdder> byAction = new ConcurrentHashMap<>();
    final Map<String, LongAdder> byCode = new ConcurrentHashMap<>();
    final Map<String, LongAdder> apiCalls = new ConcurrentHashMap<>();
    private final java.util.Set<String> apis = new java.util.concurrent.ConcurrentSkipListSet<>();
    volatile long lastProgressNanos = System.nanoTime();
    final LongAdder resumed = new LongAdder();
    final LongAdder held = new LongAdder();
    final java.util.concurrent.atomic.AtomicInteger consecutiveZohoFailures = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicBoolean percentChecked = new java.util.concurrent.atomic.AtomicBoolean();
    volatile boolean alreadyDone;
    private FileJournal journal;
    private volatile String stopReason;
    private volatile boolean fatal;
    private volatile boolean resultsBom = true;
    private String sha256;
    private volatile ProcessedFiles.Entry repeatOf;
    private volatile Instant resumeAt;
    /** Per API: the API credits Zoho reported left after this file's first call, and after its last. */
    private final Map<String, long[]> credits = new ConcurrentHashMap<>();
    final LongAdder dryRunWrites = new LongAdder();

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
            sha256 = FileJournal.sha256(source);
        }
        return sha256;
    }

    /** The earlier run this file repeats (same bytes, finished within provisioning.repeat-window), or null. */
    public ProcessedFiles.Entry repeatOf() {
        return repeatOf;
    }

    void markRepeatOf(ProcessedFiles.Entry e) {
        this.repeatOf = e;
    }

    synchronized boolean stop(String reason, boolean fatalError) {
        if (stopReason != null) {
            return false;
        }
        stopReason = reason;
        fatal = fatalError;
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

    void creditsReported(String api, long left) {
        credits.compute(api, (k, v) -> v == null ? new long[] {left, left} : new long[] {v[0], left});
    }

    Map<String, long[]> credits() {
        return credits;
    }

    public void countCall(String api, String endpoint) {
        apiCalls.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
        if (!apis.contains(api)) {
            apis.add(api);
        }
    }

    /** The Zoho APIs this file called (bigin, crm, mail). */
    public java.util.Set<String> apis() {
        return apis;
    }

    public long apiCallTotal() {
        return apiCalls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    synchronized ResultWriter writer(boolean ok) {
        if (ok) {
            if (success == null) {
                success = open("success");
            }
            return success;
        }
        if (error == null) {
            error = open("error");
        }
        return error;
    }

    private ResultWriter open(String kind) {
        return new ResultWriter(tmpDir.resolve(kind + "." + format.extension()), format,
                records.columns() == null ? java.util.List.of() : records.columns(), records.delimiter(),
                resultsBom, records.jsonWrapper(),
                records.mapping() == null || records.mapping().profile() == null ? null
                        : records.mapping().profile().name());
    }

    synchronized ResultWriter successWriter() {
        return success;
    }

    synchronized ResultWriter errorWriter() {
        return error;
    }

    Path tmpDir() {
        return tmpDir;
    }

    void closeAll() throws IOException {
        if (records != null) {
            records.close();
        }
        if (success != null) {
            success.close();
        }
        if (error != null) {
            error.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    static Map<String, Long> sums(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
