package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what happened to a record (a Zoho answer, or an exception) into its {@link RecordOutcome}. */
public class RecordOutcomes {

    /** Exchange variables a planner sets: which call the record route makes ({@code add}, {@code update}, … or
     *  {@code none}), the action a success means ({@code created}, {@code updated}, …), and the Zoho id it is about. */
    public static final String CALL = "call";
    public static final String ACTION = "action";
    public static final String ID = "id";
    /** A planner's remark added to a success's message: what of the row was not sent, and why. */
    public static final String NOTE = "resultNote";
    private static final Logger LOG = LoggerFactory.getLogger(RecordOutcomes.class);

    /** After a Zoho call: success with the planned action, or Zoho's code and message. */
    public void fromResponse(Exchange exchange) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        RecordOutcome o;
        if (lostCreateAnswer(exchange, r)) {
            o = RecordOutcome.ok("created", r.id(), "CREATED", "reconciled: the first attempt of this add lost its answer "
                    + "on the way back, so it was sent again and Zoho answered " + r.code() + ": the user exists", r.httpStatus());
        } else if (com.zohoprovisioning.zoho.ZohoResponseParser.itemless(r)) {
            // not proof that the write was applied: the row is an error to look at, not a success to trust
            o = RecordOutcome.error(null, "INVALID_RESPONSE", "Zoho answered HTTP " + r.httpStatus() + " with no result"
                    + " for this record (" + r.message() + "): check in Zoho whether the change was made before sending"
                    + " it again", r.httpStatus());
        } else if (r.success()) {
            String id = r.id() != null ? r.id() : exchange.getVariable(ID, String.class);
            boolean dryRun = "VALIDATED".equals(r.code()) && r.httpStatus() == 0;
            FileRun run = dryRun ? exchange.getProperty(RunProperties.RUN, FileRun.class) : null;
            if (run != null) {
                run.calls().dryRunWrites(1); // the call a real run makes: the dry run's credit estimate
            }
            o = RecordOutcome.ok(dryRun ? "validated" : exchange.getVariable(ACTION, String.class), id, r.code(),
                    noted(exchange, r.message()), dryRun ? null : r.httpStatus());
        } else {
            o = RecordOutcome.error(null, r.code(), message(r), r.httpStatus() == 0 ? null : r.httpStatus());
        }
        exchange.setProperty(RunProperties.OUTCOME, o);
    }

    /**
     * An add sent again after an attempt whose answer never came (reset, timeout) and now answered DUPLICATE_DATA
     * with the user's id: the first attempt created it.
     */
    private static boolean lostCreateAnswer(Exchange exchange, ZohoResponse r) {
        return !r.success() && "DUPLICATE_DATA".equals(r.code()) && r.id() != null
                && "created".equals(exchange.getVariable(ACTION, String.class))
                && exchange.getProperty(com.zohoprovisioning.zoho.ZohoCall.IO_FAILURES, 0, Integer.class) > 0;
    }

    /** A record that needs no call: unchanged, or validated in a dry run. */
    public static void noCall(Exchange exchange, String action, String id, String message) {
        exchange.setVariable(CALL, "none");
        exchange.setProperty(RunProperties.OUTCOME, RecordOutcome.ok(action, id, action.toUpperCase(),
                noted(exchange, message), null));
    }

    /** The message with the planner's note, if it left one. */
    private static String noted(Exchange exchange, String message) {
        String note = exchange.getVariable(NOTE, String.class);
        return note == null ? message : message == null || message.isEmpty() ? note : message + "; " + note;
    }

    /**
     * The call a record's route makes next: {@code call} names the route's branch (the {@code zoho:} step that
     * shows the method and path), {@code action} what a success means, {@code id} the Zoho id (in the path).
     */
    public static void plan(Exchange exchange, String call, String action, String id) {
        exchange.setVariable(CALL, call);
        exchange.setVariable(ACTION, action);
        exchange.setVariable(ID, id);
    }

    /**
     * From the exception the error handler caught. A {@link RecordException} is the record's fault and becomes its
     * code; anything else is a bug: the record still gets its INTERNAL_ERROR line, and the exception is logged here,
     * once, with its stack trace (the error handler logs nothing for a handled exception).
     */
    public void fromException(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        RecordOutcome o;
        if (e instanceof RecordException re) {
            o = RecordOutcome.error(null, re.code(), re.getMessage(), null);
        } else {
            o = RecordOutcome.error(null, "INTERNAL_ERROR", e == null ? "unknown error"
                    : e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            logBug(exchange, e);
        }
        exchange.setProperty(RunProperties.OUTCOME, o);
    }

    private static void logBug(Exchange exchange, Exception e) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        if (r == null && exchange.getMessage().getBody() instanceof InputRecord body) {
            r = body;
        }
        LOG.error("Unexpected error in {}/{}, row {}: the record's result line says INTERNAL_ERROR",
                exchange.getProperty(RunProperties.FEED, String.class), run == null ? "?" : run.fileName(),
                r == null ? "?" : r.row(), e);
    }

    private static String message(ZohoResponse r) {
        JsonNode d = r.details();
        if (d != null && d.hasNonNull("api_name")) {
            return r.message() + " (field: " + d.get("api_name").asText() + ")";
        }
        return r.message();
    }
}
