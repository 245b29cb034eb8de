package com.zohoprovisioning.zoho;

/** Zoho answered 429 TOO_MANY_REQUESTS: retried with backoff, and not counted as an outage by the circuit breaker. */
public class ZohoRateLimitedException extends ZohoRetryableException {
    public ZohoRateLimitedException(ZohoResponse response) {
        super(response);
    }
}
