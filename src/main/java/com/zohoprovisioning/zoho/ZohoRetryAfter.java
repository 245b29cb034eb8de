package com.zohoprovisioning.zoho;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs before each redelivery of a Zoho call: when Zoho's 429 carried {@code Retry-After}, waits out the rest of
 * that time (the backoff of the redelivery policy has already passed), capped at {@code zoho.retry.max-delay-ms}.
 */
public class ZohoRetryAfter implements Processor {

    private final long maxDelayMs;

    public ZohoRetryAfter(long maxDelayMs) {
        this.maxDelayMs = maxDelayMs;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (e == null) {
            e = exchange.getException();
        }
        if (e instanceof ZohoRetryableException r && r.response().retryAfterSeconds() != null) {
            Long delayed = exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
            long wait = Math.min(maxDelayMs, r.response().retryAfterSeconds() * 1000) - (delayed == null ? 0 : delayed);
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
    }
}
