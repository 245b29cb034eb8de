package com.zohoprovisioning.pipeline;

import org.apache.camel.Exchange;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * The records of a file, for the split: streamed as they are read; a second record of the same key is marked a
 * duplicate (or queued behind the first, for a feed that serializes them); a record an earlier run already has an
 * outcome for is written from the journal and not handed on; one sent without an answer is marked in doubt.
 * Ends early when the run stops (runaway guard, unwritable output) or was already done. Each record read gets its
 * place in the {@link ResultOrder} of the run, so that result lines are written in input order; reading waits while
 * that buffer is full.
 */
public final class RecordStream {

    private final OutcomeRecorder outcomes;
    private final int reorderCapacity;

    /** @param recordThreads the record pool's threads (zoho.max-concurrent): they size the reorder buffer */
    public RecordStream(OutcomeRecorder outcomes, int recordThreads) {
        this.outcomes = outcomes;
        this.reorderCapacity = ResultOrder.capacityFor(recordThreads);
    }

    public Iterator<InputRecord> records(Exchange exchange) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        run.results().order(new ResultOrder(reorderCapacity, (r, o) -> run.results().writer(o.success()).write(r, o)));
        return new Records(run, outcomes);
    }

    private static final class Records implements Iterator<InputRecord> {

        private final FileRun run;
        private final FeedDefinition feed;
        private final RecordSource source;
        private final FileJournal journal;
        private final OutcomeRecorder outcomes;
        private final KeyIndex firstRows;
        private final ResultOrder order;
        private final Map<String, CompletableFuture<Void>> lastTurn = new HashMap<>();
        private InputRecord ahead;
        private boolean counted;

        Records(FileRun run, OutcomeRecorder outcomes) {
            this.run = run;
            this.feed = run.feed();
            this.source = run.records();
            this.journal = run.journal();
            this.outcomes = outcomes;
            this.firstRows = new KeyIndex(run.tmpDir());
            this.order = run.results().order();
        }

        @Override
        public boolean hasNext() {
            advance();
            return ahead != null;
        }

        @Override
        public InputRecord next() {
            advance();
            if (ahead == null) {
                throw new NoSuchElementException();
            }
            InputRecord r = ahead;
            ahead = null;
            return r;
        }

        /** The next record to send; records the journal already has an outcome for are written from it. */
        private void advance() {
            while (ahead == null && run.stopReason() == null && !run.alreadyDone && source.hasNext()) {
                InputRecord r = source.next();
                run.counts.read.incrementAndGet();
                r.seq = order.take();
                String key = feed.keyField() == null ? null : r.get(feed.keyField());
                if (key == null && run.lookups(Object.class) instanceof KeysById ids) {
                    key = ids.keyOf(r); // a row naming the user by id: the same user as a row naming its e-mail
                }
                if (key != null && r.problem() == null) {
                    orderByKey(r, key.toLowerCase(Locale.ROOT));
                }
                RecordOutcome done = journal == null ? null : journal.outcome(r.row());
                if (done != null) {
                    outcomes.replay(run, r, done);
                    continue;
                }
                String doubt = journal == null ? null : journal.inDoubt(r.row());
                if (doubt != null) {
                    r.markInDoubt(doubt);
                }
                ahead = r;
            }
            if (ahead == null && !counted && !run.alreadyDone) {
                counted = true;
                countUnread();
            }
        }

        /**
         * The stream ended: when the run stopped (held) before the end of the file, the records not read yet are
         * counted, not sent, so that the hold can say how many wait (0 at the end of the file). A record that cannot
         * be read is the next run's to report: the count is then unknown (-1).
         */
        private void countUnread() {
            long n = 0;
            try {
                while (source.hasNext()) {
                    InputRecord r = source.next();
                    if (journal == null || journal.outcome(r.row()) == null) {
                        n++;
                    }
                }
            } catch (RuntimeException e) {
                n = -1;
            }
            run.counts.unread = n;
        }

        /** A later record of a key already seen: a duplicate, or it waits for the earlier one's turn to end. */
        private void orderByKey(InputRecord r, String key) {
            if (feed.sameKey() == FeedDefinition.SameKey.REJECT) {
                // the first record's row as its result names it (the original file's, in a result file dropped back)
                long first = firstRows.putIfAbsent(key, r.resultRow());
                if (first >= 0) {
                    r.markDuplicateOf(first, key);
                }
            } else {
                CompletableFuture<Void> mine = new CompletableFuture<>();
                r.turn(lastTurn.put(key, mine), mine);
            }
        }
    }
}
