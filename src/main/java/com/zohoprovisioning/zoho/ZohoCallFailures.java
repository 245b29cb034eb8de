package com.zohoprovisioning.zoho;

import org.apache.camel.Exchange;

/**
 * Turns a call that failed after its retries into a {@link ZohoResponse}, so callers handle it as an answer. A call
 * whose connection could not be made says so in one line: the API host, and what to check.
 */
public class ZohoCallFailures {

    /** The code of a call whose token the token endpoint refused (invalid_code, invalid_client, Access Denied). */
    public static final String AUTH_FAILED = "AUTH_FAILED";
    /** The code of a call not sent because Zoho's API credits are under the reserve (or spent). */
    public static final String CREDITS_RESERVE = "CREDITS_RESERVE";

    private final ZohoEndpoints endpoints;

    public ZohoCallFailures(ZohoEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    public ZohoResponse toResponse(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (e instanceof InvalidTokenException t) {
            return t.response();
        }
        if (e instanceof ZohoCreditsLowException c) {
            // Retry-After: the seconds until the credits may be back (the held file goes back into the inbox then)
            long wait = Math.max(0, (java.time.Duration.between(java.time.Instant.now(), c.resumeAt()).toMillis() + 999) / 1000);
            return new ZohoResponse(0, false, CREDITS_RESERVE, e.getMessage(), null, null, null, wait);
        }
        if (e instanceof ZohoAuthException) {
            return ZohoResponse.failure(0, AUTH_FAILED, e.getMessage());
        }
        if (e instanceof ZohoRetryableException r) {
            ZohoResponse z = r.response();
            String code = z.httpStatus() == 429 || "TOO_MANY_REQUESTS".equals(z.code()) ? "TOO_MANY_REQUESTS" : "ZOHO_UNAVAILABLE";
            return ZohoResponse.failure(z.httpStatus(), code, "Zoho still answered HTTP " + z.httpStatus() + " "
                    + z.code() + " after retries: " + z.message());
        }
        if (e instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException) {
            return ZohoResponse.failure(0, "ZOHO_UNAVAILABLE", "Zoho " + (ZohoCall.of(exchange) == null ? "" : ZohoCall.of(exchange).api())
                    + " kept failing: the circuit breaker stayed open longer than zoho.breaker.max-pause-ms ("
                    + e.getMessage() + ")");
        }
        String unreachable = e == null ? null : unreachable(ZohoCall.of(exchange), e);
        if (unreachable != null) {
            return ZohoResponse.failure(0, "ZOHO_UNAVAILABLE", unreachable);
        }
        String what = e == null ? "unknown error" : e.getClass().getSimpleName() + ": " + e.getMessage();
        return ZohoResponse.failure(0, "ZOHO_UNAVAILABLE", "Zoho could not be reached after retries (" + what + ")");
    }

    /** The one line for a call whose connection could not be made, or null. */
    private String unreachable(ZohoCall call, Exception e) {
        if (call == null) {
            return null;
        }
        boolean mail = "mail".equals(call.api());
        String base;
        try {
            base = endpoints.base(call.api());
        } catch (RuntimeException noToken) {
            base = null;
        }
        return ZohoUnreachableException.apiMessage(base, mail ? "zoho.mail-url" : "zoho.api-url", e);
    }
}
