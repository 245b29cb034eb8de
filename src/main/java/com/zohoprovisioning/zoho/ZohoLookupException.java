package com.zohoprovisioning.zoho;

/** A lookup that a whole file depends on (roles, users list…) failed: the file cannot be processed now. */
public class ZohoLookupException extends RuntimeException {
    public ZohoLookupException(String what, ZohoResponse r) {
        // no answer (no HTTP status): the message says why (e.g. the API host that cannot be reached, and what to check)
        super("cannot load " + what + " from Zoho: " + (r.httpStatus() == 0 ? r.code() + ": " + r.message()
                : "HTTP " + r.httpStatus() + " " + r.code() + " " + r.message()));
    }

    /**
     * The exception for a failed lookup: a {@link ZohoLookupException} (the file stays in the inbox), or, when the
     * call was not sent for Zoho's API credits, a {@link ZohoCreditsLowException} (the file is held until they are
     * back).
     */
    public static RuntimeException of(String what, ZohoResponse r) {
        if (ZohoCallFailures.CREDITS_RESERVE.equals(r.code())) {
            long wait = r.retryAfterSeconds() == null ? 0 : r.retryAfterSeconds();
            return new ZohoCreditsLowException(r.message(), java.time.Instant.now().plusSeconds(wait));
        }
        return new ZohoLookupException(what, r);
    }
}
