package com.zohoprovisioning.zoho;

import org.apache.camel.Exchange;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Zoho call while its attempts run (route zoho-call): what the caller described in the properties
 * {@code zpMethod}, {@code zpPath}, {@code zpQuery} and {@code zpEndpoint} (the endpoint's name for the counters,
 * e.g. {@code PUT /bigin/v1/users/{id}}), and the request body, held as one exchange property ({@value #PROPERTY})
 * instead of five. Every attempt copies the exchange's properties more than once (the retries' error handler, the
 * circuit breaker), so fewer of them is less work per call. {@code journaled}: the journal already has this call's
 * "sent" line (written once, before the first attempt).
 */
public record ZohoCall(String method, String path, String query, String endpoint, Object body,
                       AtomicBoolean journaled) {

    public static final String PROPERTY = "zpZohoCall";

    /** The call the exchange is making, or null outside route zoho-call. */
    public static ZohoCall of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, ZohoCall.class);
    }
}
