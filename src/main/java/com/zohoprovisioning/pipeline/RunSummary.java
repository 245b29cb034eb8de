package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.mapping.ProfiledRecordSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary of a finished file, as written to {@code reports/<feed>/<file>.summary.json} (a dry run's to
 * {@code dry-run/<feed>/<file>.summary.json}, with {@code go_live} saying how to send the file for real).
 */
final class RunSummary {

    private RunSummary() {
    }

    /** {@code concurrency}: per API this file called, the calls in flight it allowed at the end (ZohoLimits). */
    static Map<String, Object> of(FileRun run, PublishedFiles published, Path workDir, Instant end,
                                  Map<String, Object> concurrency) {
        long ok = run.counts.succeeded.sum();
        long failed = run.counts.failed.sum();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("feed", run.feed().name());
        summary.put("file", run.fileName());
        summary.put("format", run.format().extension());
        summary.put("dry_run", run.dryRun());
        summary.put("records_read", run.counts.read.get());
        summary.put("resumed_from_journal", run.counts.resumed.sum());
        if (run.records() instanceof ProfiledRecordSource p) {
            summary.put("profile", p.profileReport());
            summary.put("skipped", p.skippedReport());
        }
        summary.put("succeeded", ok);
        summary.put("failed", failed);
        summary.put("by_action", RunCounts.sums(run.counts.byAction));
        summary.put("by_error_code", RunCounts.sums(run.counts.byCode));
        if (run.roster() != null) {
            summary.put("roster", run.roster().summary(workDir, run.dryRun()));
        }
        Map<String, Object> calls = new LinkedHashMap<>();
        calls.put("total", run.calls().total());
        calls.put("by_endpoint", run.calls().byEndpoint());
        summary.put("api_calls", calls);
        summary.put("concurrency", concurrency);
        summary.put("credits", credits(run));
        summary.put("started", run.started().toString());
        summary.put("ended", end.toString());
        long ms = Duration.between(run.started(), end).toMillis();
        summary.put("duration_ms", ms);
        summary.put("records_per_second", Math.round((ok + failed) * 1000.0 / Math.max(ms, 1)));
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("success", relative(workDir, published.success()));
        files.put("error", relative(workDir, published.error()));
        if (run.dryRun()) {
            files.put("input", relative(workDir, published.archive()));
            files.put("summary", relative(workDir, published.summary()));
            summary.put("files", files);
            summary.put("go_live", FilePublisher.goLive(published.archive().getFileName().toString(),
                    run.feed().name()));
        } else {
            files.put("archive", relative(workDir, published.archive()));
            summary.put("files", files);
        }
        return summary;
    }

    /**
     * The summary of a roster the guard held ({@code held/<feed>/<file>.summary.json}, beside its reason and plan): the
     * records read, the {@code roster} block ({@code guard.held} true, over the limit, the leavers planned), the
     * lookups' calls, and no write: nothing of the file was sent.
     */
    static Map<String, Object> heldRoster(FileRun run, Path held, Path workDir, Instant end) {
        RosterRun roster = run.roster();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("feed", run.feed().name());
        summary.put("file", run.fileName());
        summary.put("format", run.format().extension());
        summary.put("dry_run", false);
        summary.put("held", true);
        summary.put("records_read", roster.rows);
        summary.put("succeeded", 0);
        summary.put("failed", 0);
        summary.put("roster", roster.summary(workDir, false));
        Map<String, Object> calls = new LinkedHashMap<>();
        calls.put("total", run.calls().total());
        calls.put("by_endpoint", run.calls().byEndpoint());
        summary.put("api_calls", calls);
        summary.put("credits", credits(run));
        summary.put("started", run.started().toString());
        summary.put("ended", end.toString());
        summary.put("duration_ms", Duration.between(run.started(), end).toMillis());
        Map<String, Object> files = new LinkedHashMap<>();
        String name = held.getFileName().toString();
        files.put("held", relative(workDir, held));
        files.put("reason", relative(workDir, held.resolveSibling(name + ".reason.txt")));
        files.put("plan", relative(workDir, held.resolveSibling(name + ".plan.csv")));
        summary.put("files", files);
        return summary;
    }

    /**
     * The API credits the file cost (each call one credit: the lookups' pages and other GETs, and the writes; a dry
     * run counts the writes it would have sent), and per API, when Zoho reported them, the credits left before the
     * file's first call and after its last.
     */
    static Map<String, Object> credits(FileRun run) {
        long gets = 0;
        long writes = run.calls().dryRunWrites();
        for (Map.Entry<String, Long> e : run.calls().byEndpoint().entrySet()) {
            if (e.getKey().startsWith("GET ")) {
                gets += e.getValue();
            } else {
                writes += e.getValue();
            }
        }
        Map<String, Object> credits = new LinkedHashMap<>();
        credits.put("cost", gets + writes);
        credits.put("lookups", gets);
        credits.put("writes", writes);
        Map<String, Object> remaining = new LinkedHashMap<>();
        new java.util.TreeMap<>(run.calls().credits()).forEach((api, v) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("before", v[0] + 1);
            one.put("after", v[1]);
            remaining.put(api, one);
        });
        if (!remaining.isEmpty()) {
            credits.put("remaining", remaining);
        }
        return credits;
    }

    private static String relative(Path workDir, Path p) {
        return p == null ? null : workDir.relativize(p).toString();
    }
}
