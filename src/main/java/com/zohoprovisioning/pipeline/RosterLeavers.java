package com.zohoprovisioning.pipeline;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Roster mode, after the rows: the leavers of the plan, deactivated through the feed's {@code direct:<feed>-leaver}
 * route (a split over {@link #leavers}), each journalled before its call ({@link #start}) and after its answer
 * ({@link #result}), so that a resumed run replays the ones done and sends each of the rest once. Their result files
 * go beside the rows' ones ({@link #publish}): {@code <stem>.leavers.<ext>} in success/ and error/.
 */
public final class RosterLeavers {

    private static final Logger LOG = LoggerFactory.getLogger(RosterLeavers.class);
    /** The {@link Leaver} of a leaver route. */
    public static final String LEAVER = "zpLeaver";

    private final Path workDir;
    private final OutcomeRecorder outcomes;

    public RosterLeavers(Path workDir, OutcomeRecorder outcomes) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.outcomes = outcomes;
    }

    /**
     * The leavers to deactivate now. On a resumed run the plan's leavers are the union of the leavers an earlier run
     * of this file journalled an answer for and the leavers found now, each once (a leaver is one user: its e-mail,
     * else its id): the journalled ones are written from the journal and never sent again, so that deactivated +
     * failed = planned. One that Zoho shows active again although the journal says it was deactivated (reactivated
     * after our call, or the org changed) keeps its journalled outcome, with a warning naming it.
     */
    public Iterator<Leaver> leavers(Exchange exchange) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        RosterRun roster = run.roster();
        Map<String, FileJournal.LeaverDone> done = run.journal() == null ? Map.of() : run.journal().leavers();
        Map<String, Leaver> now = new LinkedHashMap<>();
        roster.leavers.forEach(l -> now.putIfAbsent(key(l), l));
        Set<String> planned = new HashSet<>(now.keySet());
        long n = 0;
        for (FileJournal.LeaverDone d : done.values()) {
            if (!planned.add(key(d.leaver()))) {
                if (d.outcome().success()) {
                    LOG.warn("{}/{}: leaver {} ({}) was deactivated by an earlier run of this file, but Zoho shows it "
                            + "active again: reactivated after that call, or the org changed since; not sent again, "
                            + "its journalled outcome is kept", run.feed().name(), run.fileName(), d.leaver().email(),
                            d.leaver().id());
                }
                now.remove(key(d.leaver()));
            }
            write(run, roster, d.leaver(), d.outcome(), ++n);
            roster.resumed.increment();
        }
        // sent before the run stopped, answer unknown: no longer active (not a leaver now), so Zoho applied it
        if (run.journal() != null) {
            for (Leaver l : run.journal().leaversInDoubt().values()) {
                if (planned.add(key(l))) {
                    RecordOutcome o = RecordOutcome.ok("deactivated", l.id(), "SUCCESS", "reconciled: the deactivation"
                            + " was sent before the run stopped and Zoho now shows the user inactive", null);
                    run.journal().leaver(l, o);
                    write(run, roster, l, o, ++n);
                    roster.resumed.increment();
                }
            }
        }
        roster.planned(planned.size());
        if (!now.isEmpty()) {
            LOG.info("{}/{}: deactivating {} leavers", run.feed().name(), run.fileName(), now.size());
        }
        return new ArrayList<>(now.values()).iterator();
    }

    /** One leaver, one key: the e-mail (case-insensitive), else the Zoho id. */
    static String key(Leaver l) {
        return l.email() == null || l.email().isBlank() ? "id:" + l.id() : l.email().toLowerCase(Locale.ROOT);
    }

    /** The leaver route's first step: the PUT's body and id; none once the file stopped (it stays for a later run). */
    public void start(Exchange exchange) {
        Leaver l = exchange.getMessage().getBody(Leaver.class);
        exchange.setProperty(LEAVER, l);
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        if (run.stopReason() != null) {
            throw new RecordHeldException(run.stopReason());
        }
        RecordOutcomes.plan(exchange, "deactivate", "deactivated", l.id());
        if (run.journal() != null) {
            run.journal().leaverSent(l);
        }
        exchange.getMessage().setBody(Map.of("users", List.of(Map.of("id", l.id(), "status", "inactive"))));
    }

    /** The leaver's outcome: journalled, then its result line, and counted. */
    public void result(Exchange exchange) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        Leaver l = exchange.getProperty(LEAVER, Leaver.class);
        RecordOutcome o = exchange.getProperty(RunProperties.OUTCOME, RecordOutcome.class);
        if (outcomes.stopsTheFile(run, o)) {
            return; // credits under the reserve, or the token refused: no line; deactivated when the file resumes
        }
        if (run.journal() != null) {
            run.journal().leaver(l, o);
        }
        write(run, run.roster(), l, o, exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) + 1
                + run.roster().resumed.sum());
    }

    private static void write(FileRun run, RosterRun roster, Leaver l, RecordOutcome o, long n) {
        try {
            roster.results.writer(o.success()).write(l.asRecord(n), o);
        } catch (UncheckedIOException e) {
            run.stop("cannot write the leavers' results: " + e.getMessage(), true);
            return;
        }
        (o.success() ? roster.deactivated : roster.failed).increment();
        if (!o.success()) {
            roster.failedByCode.computeIfAbsent(String.valueOf(o.code()), c -> new LongAdder()).increment();
            LOG.warn("{}/{}: leaver {} not deactivated: {} {}", run.feed().name(), run.fileName(), l.id(), o.code(),
                    o.message());
        }
    }

    /**
     * Real run: the leavers' result files into success/ and error/ as {@code <stem>.leavers.<ext>}, beside the rows'.
     * Dry run: the plan into dry-run/&lt;feed&gt;/ as {@code <file>.plan.csv}.
     */
    public void publish(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        RosterRun roster = run.roster();
        if (roster == null) {
            return;
        }
        PublishedFiles p = run.published();
        String feed = run.feed().name();
        if (run.dryRun()) {
            Path plan = p.archive().resolveSibling(p.name() + ".plan.csv");
            WorkFiles.move(roster.planFile, plan);
            roster.publishedPlan = plan;
            return;
        }
        String name = WorkFiles.stamped(p.name(), "leavers");
        roster.publishedOk = FilePublisher.publish(roster.results.success(),
                workDir.resolve("success").resolve(feed).resolve(name));
        roster.publishedError = FilePublisher.publish(roster.results.error(),
                workDir.resolve("error").resolve(feed).resolve(name));
    }
}
