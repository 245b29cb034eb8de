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
 * (the file consumer moves it to {@code zpMoveTo}); the journal notes where it went and goes once it is there.
 */
public final class FilePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(FilePublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path workDir;
    private final RunStats stats;

    public FilePublisher(Path workDir, RunStats stats) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.stats = stats;
    }

    /**
     * The result files into success/ and error/, under the input's name unless one of them (or its summary) is
     * taken; the archive name is chosen with them, for the summary to name it.
     */
    public void publishResults(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        String feed = run.feed().name();
        String name = freeName(feed, run.fileName(), run.stamp());
        Path ok = publish(run.successWriter(), workDir.resolve("success").resolve(feed).resolve(name));
        Path err = publish(run.errorWriter(), workDir.resolve("error").resolve(feed).resolve(name));
        Path archive = WorkFiles.unique(workDir.resolve("archive").resolve(feed), run.fileName(), run.stamp());
        run.published(new PublishedFiles(name, ok, err, archive));
    }

    public void writeSummary(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        PublishedFiles published = run.published();
        Map<String, Object> summary = RunSummary.of(run, published, workDir, Instant.now());
        Path report = workDir.resolve("reports").resolve(run.feed().name()).resolve(published.name() + ".summary.json");
        WorkFiles.writeAtomically(report, JSON.writeValueAsBytes(summary));
    }

    /** The input (and its {@code .profile}) to archive/; the journal records it is done, and goes once it is there. */
    public void archiveInput(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        Path archive = run.published().archive();
        WorkFiles.moveProfileFile(run, archive);
        WorkFiles.deleteTree(run.tmpDir());
        if (run.journal() != null) {
            run.journal().done(workDir.relativize(archive).toString());
            run.journal().close();
            deleteJournalWhenArchived(exchange, run);
        }
        exchange.setProperty(RunProperties.MOVE_TO, archive.toString());
        long ok = run.succeeded.sum();
        long failed = run.failed.sum();
        stats.fileDone(ok, failed);
        LOG.info("Finished {}/{}: {} records, {} succeeded, {} failed, {} API calls, {} ms{}", run.feed().name(),
                run.fileName(), run.read.get(), ok, failed, run.apiCallTotal(),
                Duration.between(run.started(), Instant.now()).toMillis(), run.dryRun() ? " (dry run)" : "");
    }

    /** An earlier run published this file and stopped before archiving it: to where its journal says. */
    public void archiveAsRecorded(Exchange exchange) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        exchange.setProperty(RunProperties.MOVE_TO, workDir.resolve(run.journal().done()).toString());
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

    private static Path publish(ResultWriter writer, Path target) throws IOException {
        if (writer == null) {
            return null;
        }
        Files.createDirectories(target.getParent());
        WorkFiles.move(writer.path(), target);
        return target;
    }

    /** The journal goes once the input has been moved to archive/ (after the file consumer's own move). */
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
