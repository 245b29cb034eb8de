package com.zohoprovisioning.pipeline;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repeat check (the step {@code <feed>-check-repeat}, right after the file is opened): a file whose bytes are
 * those of a file of the same feed finished for real within {@code provisioning.repeat-window} ({@link ProcessedFiles})
 * is marked {@code zpRun.repeatOf}, and the route holds it before any lookup or call. Not a repeat: a file resumed
 * from its journal (an interrupted or held run of the same bytes), one an earlier run finished but did not archive,
 * a dry run (it sends nothing that writes), and a file released with {@code approve} (its {@code <file>.approved}
 * beside it names its SHA-256; used up here).
 */
public final class RepeatedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RepeatedFiles.class);
    /** The approval {@code approve} writes beside a released file: {@code <file>.approved}. */
    public static final String APPROVED = ".approved";

    private final ProcessedFiles processed;

    public RepeatedFiles(ProcessedFiles processed) {
        this.processed = processed;
    }

    public void check(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        if (run.dryRun()) {
            return;
        }
        boolean approved = takeApproval(run);
        if (!processed.enabled() || approved || run.alreadyDone() || resumed(run)) {
            return;
        }
        Optional<ProcessedFiles.Entry> earlier = processed.find(run.feed().name(), run.sha256());
        earlier.ifPresent(run::markRepeatOf);
    }

    /** An earlier run of these bytes left outcomes, or calls without an answer, in the journal: it continues. */
    private static boolean resumed(FileRun run) {
        FileJournal j = run.journal();
        return j != null && (j.outcomes() > 0 || j.inDoubtCount() > 0);
    }

    /** The {@code <file>.approved} beside the input, deleted; true when it names these bytes. */
    private static boolean takeApproval(FileRun run) throws IOException {
        Path sidecar = run.source().resolveSibling(run.fileName() + APPROVED);
        if (!Files.isRegularFile(sidecar)) {
            return false;
        }
        String text = Files.readString(sidecar, StandardCharsets.UTF_8);
        Files.deleteIfExists(sidecar);
        boolean matches = text.contains("sha256=" + run.sha256());
        if (matches) {
            run.approval(text);
            LOG.info("{}/{} was released with approve: processed even if it repeats an earlier file",
                    run.feed().name(), run.fileName());
        } else {
            LOG.warn("{}/{}: {} names other bytes (the file changed since it was approved): ignored",
                    run.feed().name(), run.fileName(), sidecar.getFileName());
        }
        return matches;
    }

    /** The approval {@code approve} writes: the SHA-256 of the released file and when it was approved. */
    public static String approval(Path file) throws IOException {
        return "sha256=" + Sha256.of(file) + "\napproved=" + java.time.Instant.now() + "\n";
    }
}
