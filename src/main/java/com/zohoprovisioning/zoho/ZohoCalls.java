package com.zohoprovisioning.zoho;

import org.apache.camel.Exchange;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The start and the end of route zoho-call. {@link #begin}: the call (the caller's {@code zpMethod},
 * {@code zpPath}, {@code zpQuery}, {@code zpEndpoint} and body) becomes one {@link ZohoCall}, with a fresh retry
 * budget, and the caller's properties are set aside in it: while the attempts run, the exchange holds
 * {@code zpApi} and {@value ZohoCall#PROPERTY} only. {@link #end}: the caller's properties put back as they were,
 * plus {@value #IO_FAILURES} when an attempt lost its answer.
 */
public class ZohoCalls {

    public static final String API = "zpApi";
    /** Set after a call some of whose attempts never got an answer (a later DUPLICATE_DATA may mean the first worked). */
    public static final String IO_FAILURES = "zpRetryIoFailures";
    static final Set<String> APIS = Set.of("bigin", "crm", "mail");

    public void begin(Exchange exchange) {
        Map<String, Object> properties = exchange.getProperties();
        Object api = properties.get(API);
        if (!(api instanceof String a) || !APIS.contains(a)) {
            throw new IllegalArgumentException("zpApi must be bigin, crm or mail, not " + api);
        }
        Map<String, Object> caller = new HashMap<>(properties);
        caller.remove(IO_FAILURES);
        properties.clear();
        exchange.setProperty(API, a);
        exchange.setProperty(ZohoCall.PROPERTY, new ZohoCall(a, (String) caller.get("zpMethod"),
                (String) caller.get("zpPath"), (String) caller.get("zpQuery"), (String) caller.get("zpEndpoint"),
                exchange.getMessage().getBody(), caller));
    }

    public void end(Exchange exchange) {
        ZohoCall call = (ZohoCall) exchange.removeProperty(ZohoCall.PROPERTY);
        if (call != null) {
            // one put each: ConcurrentHashMap.putAll grows the table ahead of need, on every call
            Map<String, Object> properties = exchange.getProperties();
            for (Map.Entry<String, Object> e : call.callerProperties().entrySet()) {
                properties.put(e.getKey(), e.getValue());
            }
            if (call.ioFailures() > 0) {
                exchange.setProperty(IO_FAILURES, call.ioFailures());
            }
        }
    }
}
