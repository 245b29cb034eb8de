package com.zohoprovisioning.zoho;

import org.apache.camel.Exchange;

/**
 * The start and the end of route zoho-call. {@link #begin}: a fresh retry budget, and the call's description
 * (properties {@code zpMethod}, {@code zpPath}, {@code zpQuery}, {@code zpEndpoint} and the body) moved into one
 * {@link ZohoCall} property for the attempts. {@link #end}: the description put back as the caller left it.
 */
public class ZohoCalls {

    private static final String METHOD = "zpMethod";
    private static final String PATH = "zpPath";
    private static final String QUERY = "zpQuery";
    private static final String ENDPOINT = "zpEndpoint";

    private final ZohoRetryBudget budget;

    public ZohoCalls(ZohoRetryBudget budget) {
        this.budget = budget;
    }

    public void begin(Exchange exchange) {
        budget.reset(exchange);
        exchange.setProperty(ZohoCall.PROPERTY, new ZohoCall((String) exchange.removeProperty(METHOD),
                (String) exchange.removeProperty(PATH), (String) exchange.removeProperty(QUERY),
                (String) exchange.removeProperty(ENDPOINT), exchange.getMessage().getBody(),
                new java.util.concurrent.atomic.AtomicBoolean()));
    }

    public void end(Exchange exchange) {
        ZohoCall call = (ZohoCall) exchange.removeProperty(ZohoCall.PROPERTY);
        if (call != null) {
            exchange.setProperty(METHOD, call.method());
            exchange.setProperty(PATH, call.path());
            exchange.setProperty(QUERY, call.query());
            exchange.setProperty(ENDPOINT, call.endpoint());
        }
    }
}
