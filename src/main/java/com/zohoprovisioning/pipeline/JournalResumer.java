package com.zohoprovisioning.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the journal of a file being opened (see {@link FileJournal}) and tells from it how the run goes on: from the
 * start, resumed where an earlier run stopped, or already done (an earlier run finished it but stopped before
 * archiving it).
 */
public final class JournalResumer {

    private static final Logger LOG = LoggerFactory.getLogger(JournalResumer.class);

    private final Path workDir;

    public JournalResumer(Path workDir) {
        this.workDir = workDir.toAbsolutePath().normalize();
    }

    /** Gives the run its journal; marks it already done when an earlier run finished it. */
    void open(FileRun run) throws IOException {
        String feed = run.feed().name();
        Path dir = FileJournal.dirFor(workDir, feed, run.sha256());
        FileJournal journal = FileJournal.open(dir);
        if (journal.done() != null) {
            if (Files.exists(workDir.resolve(journal.done()))) {
                journal.close();
                WorkFiles.deleteTree(dir); // a left-over of a finished run: this is the same file dropped again
                journal = FileJournal.open(dir);
            } else {
                run.alreadyDone = true;
                LOG.warn("{}/{} was finished by an earlier run that stopped before archiving it: archiving it now, "
                        + "nothing is sent again", feed, run.fileName());
            }
        } else if (journal.outcomes() > 0 || journal.inDoubtCount() > 0) {
            LOG.info("Resuming {}/{}: {} records already have an outcome and are not sent again; {} were sent without "
                    + "an answer and are looked up first", feed, run.fileName(), journal.outcomes(), journal.inDoubtCount());
        }
        run.journal(journal);
    }
}
