package com.zohoprovisioning.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Once a file's exchange is complete, its input goes where the route sent it ({@code zpMoveTo}: archive/, held/,
 * rejected/ or dry-run/): the private copy the run read ({@link TakenInput}), or, for a file rejected before it was
 * copied (a link, a file too big), the inbox entry itself. A failed exchange moves nothing: the file stays in the
 * inbox for the next poll. Runs before the journal is deleted, which waits for the input to be in archive/.
 */
final class InputMove extends SynchronizationAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(InputMove.class);

    private final Path inbox;

    InputMove(Path inbox) {
        this.inbox = inbox;
    }

    @Override
    public void onComplete(Exchange exchange) {
        String to = exchange.getProperty(RunProperties.MOVE_TO, String.class);
        if (to == null) {
            LOG.error("{}: the route named no place for the input; it stays in the inbox", inbox);
            return;
        }
        Path target = Path.of(to);
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        try {
            OutputFiles.directories(target.getParent());
            if (run != null && run.input() != null) {
                run.input().moveTo(target);
            } else {
                WorkFiles.move(inbox, target);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not move {} to {}: {}; it stays in the inbox", inbox, target, e.toString());
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST;
    }
}
