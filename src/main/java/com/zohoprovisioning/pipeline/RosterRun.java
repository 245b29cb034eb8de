package com.zohoprovisioning.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;


/**
 * A roster file's plan and progress ({@code zpRun.roster}): the active users before, who is present, the leavers to
 * deactivate and the protected ones left alone, the guard's verdict, and the leavers' outcomes and result files.
 */
public final class RosterRun {

    /** A protected leaver and why it is left alone. */
    record Protected(Leaver leaver, String why) {
    }

    final RosterSettings settings;
    final Path planFile;
    long activeBefore;
    long rows;
    long present;
    long joiners;
    final List<Leaver> leavers = new ArrayList<>();
    final List<Protected> protectedLeavers = new ArrayList<>();
    /** Rows that name no one for sure (unreadable, cut off, no or no valid e-mail): "row 5: why". */
    final List<String> unidentified = new ArrayList<>();
    /** An earlier run's result file dropped back (its rows carry result_row): its rows only, no leavers. */
    boolean droppedBack;
    String digest;
    long limit;
    private volatile String heldReason;
    String approvedAt;
    final LongAdder deactivated = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder resumed = new LongAdder();
    /** The leavers not deactivated, by {@code result_code}. */
    final Map<String, LongAdder> failedByCode = new java.util.concurrent.ConcurrentHashMap<>();
    /** The leavers of the run (resumed: the journal's and today's, each once), or -1 before the leavers start. */
    private long planned = -1;
    /** The leavers' result files, beside the rows' ones. */
    final ResultFiles results;
    Path publishedOk;
    Path publishedError;
    Path publishedPlan;

    RosterRun(RosterSettings settings, Path planFile, FileRun run) {
        this.settings = settings;
        this.planFile = planFile;
        this.results = new ResultFiles(kind -> open(run, kind));
    }

    /** Why the guard holds the file (before any call), or null. */
    public String heldReason() {
        return heldReason;
    }

    void planned(long n) {
        this.planned = n;
    }

    /** Leavers planned: deactivated + failed once the leavers are done. */
    long leaversPlanned() {
        return planned >= 0 ? planned : leavers.size();
    }

    void hold(String reason) {
        this.heldReason = reason;
    }

    private static ResultWriter open(FileRun run, String kind) {
        FileFormat f = run.format();
        return new ResultWriter(run.tmpDir().resolve("leavers-" + kind + "." + f.extension()), f, Leaver.COLUMNS,
                run.records().delimiter(), true, null);
    }

    /** The summary's {@code roster} block. */
    Map<String, Object> summary(Path workDir, boolean dryRun) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("active_before", activeBefore);
        m.put("rows", rows);
        m.put("present", present);
        m.put("joiners", joiners);
        m.put("leavers_planned", leaversPlanned());
        m.put("deactivated", deactivated.sum());
        m.put("failed", failed.sum());
        m.put("failed_by_code", RunCounts.sums(failedByCode));
        m.put("resumed_from_journal", resumed.sum());
        m.put("protected", protectedLeavers.size());
        m.put("protected_users", protectedLeavers.stream()
                .map(p -> p.leaver().email() + " (" + p.why() + ")").toList());
        Map<String, Object> guard = new LinkedHashMap<>();
        guard.put("max_deactivations", settings.limitText());
        guard.put("limit", limit);
        guard.put("plan_digest", digest);
        guard.put("held", heldReason != null);
        guard.put("over_limit", leavers.size() > limit);
        guard.put("unidentified_rows", unidentified.size());
        m.put("result_file_dropped_back", droppedBack);
        guard.put("approved", approvedAt == null ? null : Map.of("at", approvedAt, "plan_digest", digest));
        m.put("guard", guard);
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("leavers_success", rel(workDir, publishedOk));
        files.put("leavers_error", rel(workDir, publishedError));
        if (dryRun) {
            files.put("plan", rel(workDir, publishedPlan));
        }
        m.put("files", files);
        return m;
    }

    private static String rel(Path workDir, Path p) {
        return p == null ? null : workDir.relativize(p).toString();
    }
}
