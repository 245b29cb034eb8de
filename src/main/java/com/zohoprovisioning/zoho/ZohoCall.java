package com.zohoprovisioning.zoho;

import org.apache.camel.Exchange;

/**
 * One Zoho call while its attempts run (route zoho-call): what the caller described in the properties
 * {@code zpMethod}, {@code zpPath}, {@code zpQuery} and {@code zpEndpoint}, and the request body, held as one
 * exchange property ({@value #PROPERTY}) instead of five. Every attempt copies the exchange's properties more than
 * once (the retries' error handler, the circuit breaker), so fewer of them is less work per call.
 */
public final class ZohoCall {

    public static final String PROPERTY = "zpZohoCall";

    private final String method;
    private final String path;
    private final String query;
    private final String endpoint;
    private final Object body;
    private volatile boolean journaled;

    ZohoCall(String method, String path, String query, String endpoint, Object body) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.endpoint = endpoint;
        this.body = body;
    }

    /** The call the exchange is making, or null outside route zoho-call. */
    public static ZohoCall of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, ZohoCall.class);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String query() {
        return query;
    }

    /** The endpoint's name for the counters, e.g. {@code PUT /bigin/v1/users/{id}}. */
    public String endpoint() {
        return endpoint;
    }

    public Object body() {
        return body;
    }

    /** Whether the journal already has this call's "sent" line (written once, before the first attempt). */
    public boolean journaled() {
        return journaled;
    }

    public void journaled(boolean journaled) {
        this.journaled = journaled;
    }
}
