package com.zohoprovisioning.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.Function;

/**
 * A pair of result files, {@code success} and {@code error}, each opened on first use (in the run's temp folder until
 * published); the rows' ones write through the run's {@link ResultOrder} once it is set, so lines come in input order.
 * A file's rows and a roster's leavers each have one.
 */
final class ResultFiles implements Closeable {

    private final Function<String, ResultWriter> open;
    private ResultWriter success;
    private ResultWriter error;
    private volatile ResultOrder order;

    /** @param open opens the writer of {@code "success"} or {@code "error"} */
    ResultFiles(Function<String, ResultWriter> open) {
        this.open = open;
    }

    synchronized ResultWriter writer(boolean ok) {
        if (ok) {
            if (success == null) {
                success = open.apply("success");
            }
            return success;
        }
        if (error == null) {
            error = open.apply("error");
        }
        return error;
    }

    /** The success file's writer, or null when no line went there. */
    synchronized ResultWriter success() {
        return success;
    }

    /** The error file's writer, or null when no line went there. */
    synchronized ResultWriter error() {
        return error;
    }

    /** Result lines from now on in input order, through this buffer (RecordStream). */
    void order(ResultOrder o) {
        this.order = o;
    }

    ResultOrder order() {
        return order;
    }

    /** A record's result line: in input order once it waits for no earlier record. */
    void write(InputRecord r, RecordOutcome o) {
        ResultOrder ordered = order;
        if (ordered != null && r.seq >= 0) {
            ordered.put(r.seq, r, o);
        } else {
            writer(o.success()).write(r, o);
        }
    }

    /** A record that gets no result line in this run (held): the ones after it need not wait for it. */
    void skip(InputRecord r) {
        ResultOrder ordered = order;
        if (ordered != null && r.seq >= 0) {
            ordered.skip(r.seq);
        }
    }

    /** The lines still waiting for their turn, then both files. */
    @Override
    public void close() throws IOException {
        ResultOrder ordered = order;
        if (ordered != null) {
            ordered.flush();
        }
        ResultWriter ok = success();
        ResultWriter err = error();
        if (ok != null) {
            ok.close();
        }
        if (err != null) {
            err.close();
        }
    }
}
