package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A finished file: its result files into success/ and error/, its summary into reports/, its input into archive/
 * (its private copy goes to {@code zpMoveTo} once the exchange completes, {@link InputMove}); the journal notes where it went and goes once it is there.
 * A dry run's input, result files and summary all go to dry-run/&lt;feed&gt;/ instead: {@code <file>} (the input,
 * under its own name), {@code <stem>.validated.<ext>}, {@code <stem>.errors.<ext>} and {@code <file>.summary.json}.
 */
public final class FilePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(FilePublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path workDir;
    private final RunStats stats;
    private final ProcessedFiles processed;
    private final com.zohoprovisioning.zoho.ZohoLimits limits;

    public FilePublisher(Path workDir, RunStats stats, ProcessedFiles processed,
                         com.zohoprovisioning.zoho.ZohoLimits limits) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.stats = stats;
        this.processed = processed;
        this.limits = limits;
    }

    /**
     * The result files into success/ and error/, under the input's name unless one of them (or its summary) is
     * taken; the archive name is chosen with them, for the summary to name it.
     */
    public void publishResults(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        String feed = run.feed().name();
        String name = freeName(feed, run.fileName(), run.stamp());
        Path ok = publish(run.results().success(), workDir.resolve("success").resolve(feed).resolve(name));
        Path err = publish(run.results().error(), workDir.resolve("error").resolve(feed).resolve(name));
        Path archive = WorkFiles.unique(workDir.resolve("archive").resolve(feed), run.fileName(), run.stamp());
        Path report = workDir.resolve("reports").resolve(feed).resolve(name + ".summary.json");
        run.published(new PublishedFiles(name, ok, err, archive, report));
    }

    /**
     * A dry run's result files into dry-run/&lt;feed&gt;/: {@code <stem>.validated.<ext>} and {@code <stem>.errors.<ext>}
     * beside where the input and its summary go, all under the input's name unless one of them is taken (then the
     * run's stamp is added, as for real results).
     */
    public void publishDryRun(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        Path dir = dryRunDir(run);
        String name = run.fileName();
        int n = 0;
        while (Files.exists(dir.resolve(name)) || Files.exists(dir.resolve(name + ".profile"))
                || Files.exists(dir.resolve(validatedName(name))) || Files.exists(dir.resolve(errorsName(name)))
                || Files.exists(dir.resolve(name + ".summary.json"))) {
            name = WorkFiles.stamped(run.fileName(), run.stamp() + (n++ == 0 ? "" : "-" + n));
        }
        Path ok = publish(run.results().success(), dir.resolve(validatedName(name)));
        Path err = publish(run.results().error(), dir.resolve(errorsName(name)));
        run.published(new PublishedFiles(name, ok, err, dir.resolve(name), dir.resolve(name + ".summary.json")));
    }

    /** {@code people.csv} → {@code people.validated.csv}: a dry run's rows that would be sent. */
    static String validatedName(String fileName) {
        return WorkFiles.stamped(fileName, "validated");
    }

    /** {@code people.csv} → {@code people.errors.csv}: a dry run's rows that would fail. */
    static String errorsName(String fileName) {
        return WorkFiles.stamped(fileName, "errors");
    }

    private Path dryRunDir(FileRun run) {
        return workDir.resolve("dry-run").resolve(run.feed().name());
    }

    /** How to send a dry-run file for real: the line its summary and the log end with. */
    static String goLive(String name, String feed) {
        return "move " + name + " from dry-run/" + feed + "/ back into inbox/" + feed + "/ to send it for real";
    }

    public void writeSummary(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        PublishedFiles published = run.published();
        Map<String, Object> summary = RunSummary.of(run, published, workDir, Instant.now(),
                limits.report(run.calls().apis()));
        WorkFiles.writeAtomically(published.summary(), JSON.writeValueAsBytes(summary));
    }

    /** The input (and its {@code .profile}) to archive/; the journal records it is done, and goes once it is there. */
    public void archiveInput(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        Path archive = run.published().archive();
        WorkFiles.moveProfileFile(run, archive);
        WorkFiles.deleteTree(run.tmpDir());
        recordProcessed(run);
        if (run.journal() != null) {
            run.journal().done(workDir.relativize(archive).toString());
            run.journal().close();
            deleteJournalWhenArchived(exchange, run);
        }
        OutputFiles.directories(archive.getParent());
        exchange.setProperty(RunProperties.MOVE_TO, archive.toString());
        long ok = run.counts.succeeded.sum();
        long failed = run.counts.failed.sum();
        RosterRun roster = run.roster();
        // a leaver not deactivated is an error line too (in error/<feed>/<stem>.leavers.<ext>): --once exits 3
        stats.fileDone(ok, failed + (roster == null ? 0 : roster.failed.sum()));
        Object left = RunSummary.credits(run).get("remaining");
        LOG.info("Finished {}/{}: {} records, {} succeeded, {} failed, {} API calls{}, {} ms{}", run.feed().name(),
                run.fileName(), run.counts.read.get(), ok, failed, run.calls().total(),
                left == null ? "" : " (API credits left: " + left + ")",
                Duration.between(run.started(), Instant.now()).toMillis(), roster == null ? ""
                        : "; roster: " + roster.deactivated.sum() + " leavers deactivated, " + roster.failed.sum()
                        + " failed, " + roster.protectedLeavers.size() + " protected");
    }

    /**
     * A file finished for real, noted for the repeat check (.state/processed-&lt;feed&gt;.tsv). A failure to note it is
     * logged, not thrown: the results are out, and the file must not run again for it.
     */
    private void recordProcessed(FileRun run) {
        PublishedFiles p = run.published();
        try {
            processed.record(run.feed().name(), new ProcessedFiles.Entry(run.sha256(), Instant.now(), run.fileName(),
                    relative(p.summary()), relative(p.success()), relative(p.error()), relative(p.archive())));
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not note {}/{} as processed in {}/: {}; a repeat of it will not be held", run.feed().name(),
                    run.fileName(), ProcessedFiles.DIR, e.toString());
        }
    }

    private String relative(Path p) {
        return p == null ? null : workDir.relativize(p).toString();
    }

    /**
     * A dry run's input (and its {@code .profile}) to dry-run/&lt;feed&gt;/ under its own name, beside its results
     * and summary; a dry run keeps no journal, so moved back into the inbox it runs for real from the start.
     */
    public void moveDryRunInput(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        Path input = run.published().archive();
        WorkFiles.moveProfileFile(run, input);
        WorkFiles.deleteTree(run.tmpDir());
        OutputFiles.directories(input.getParent());
        exchange.setProperty(RunProperties.MOVE_TO, input.toString());
        long ok = run.counts.succeeded.sum();
        long failed = run.counts.failed.sum();
        stats.fileDone(ok, failed);
        String feed = run.feed().name();
        Map<String, Object> credits = RunSummary.credits(run);
        LOG.info("Dry run of {}/{} finished: {} records, {} would succeed, {} would fail, {} API calls, {} ms; going live"
                + " costs {} API credits ({} lookups, {} writes){}; input, results and summary in {}: {}", feed,
                run.fileName(), run.counts.read.get(), ok, failed, run.calls().total(),
                Duration.between(run.started(), Instant.now()).toMillis(), credits.get("cost"), credits.get("lookups"),
                credits.get("writes"), credits.containsKey("remaining") ? ", Zoho reports left: " + credits.get("remaining")
                        : "", input.getParent(), goLive(input.getFileName().toString(), feed));
    }

    /** An earlier run published this file and stopped before archiving it: to where its journal says. */
    public void archiveAsRecorded(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        Path archive = workDir.resolve(run.journal().done());
        OutputFiles.directories(archive.getParent());
        exchange.setProperty(RunProperties.MOVE_TO, archive.toString());
        WorkFiles.deleteTree(run.tmpDir());
        deleteJournalWhenArchived(exchange, run);
    }

    private String freeName(String feed, String fileName, String stamp) {
        String name = fileName;
        int n = 0;
        while (Files.exists(workDir.resolve("success").resolve(feed).resolve(name))
                || Files.exists(workDir.resolve("error").resolve(feed).resolve(name))
                || Files.exists(workDir.resolve("reports").resolve(feed).resolve(name + ".summary.json"))) {
            name = WorkFiles.stamped(fileName, stamp + (n++ == 0 ? "" : "-" + n));
        }
        return name;
    }

    /** A result file from the run's temp folder to {@code target}; null when it was never opened (no line). */
    static Path publish(ResultWriter writer, Path target) throws IOException {
        if (writer == null) {
            return null;
        }
        OutputFiles.directories(target.getParent());
        WorkFiles.move(writer.path(), target);
        return target;
    }

    /** The journal goes once the input has been moved to archive/ (after {@link InputMove}). */
    private static void deleteJournalWhenArchived(Exchange exchange, FileRun run) {
        Path dir = run.journal().dir();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange e) {
                WorkFiles.deleteTree(dir);
            }

            @Override
            public int getOrder() {
                return LOWEST;
            }
        });
    }
}
