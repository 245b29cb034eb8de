package com.zohoprovisioning.zoho;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.service.ServiceHelper;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends one {@link ZohoEndpoint} call through the API's attempts route ({@code direct:zoho-attempts-<api>}) and
 * leaves the {@link ZohoResponse} as the body: success or not, never an exception. While the attempts run the
 * exchange holds one property, the {@link ZohoCall} (the caller's properties are set aside in it and put back
 * after): every attempt copies the exchange's properties several times (the retries' error handler, the circuit
 * breaker), so the fewer, the cheaper. A paged list is read page by page and answered as one list.
 */
public final class ZohoProducer extends DefaultProducer {

    /** An exchange variable a planner may set: the request as a person reads it, for the dry run's message. */
    public static final String REQUEST_SUMMARY = "requestSummary";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZohoEndpoint endpoint;
    private final String counterName;
    private final boolean get;
    private Expression path;
    private Expression query;
    private Producer attempts;

    ZohoProducer(ZohoEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.counterName = endpoint.counterName();
        this.get = "GET".equals(endpoint.getMethod());
    }

    @Override
    protected void doStart() throws Exception {
        var context = endpoint.getCamelContext();
        path = expression(endpoint.getPath());
        query = endpoint.getQuery() == null ? null : expression(endpoint.getQuery());
        attempts = context.getEndpoint("direct:zoho-attempts-" + endpoint.getApi()).createProducer();
        ServiceHelper.startService(attempts);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(attempts);
    }

    private Expression expression(String text) {
        return text.contains("${") ? endpoint.getCamelContext().resolveLanguage("simple").createExpression(text)
                : org.apache.camel.support.builder.ExpressionBuilder.constantExpression(text);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String p = path.evaluate(exchange, String.class);
        String q = query == null ? null : query.evaluate(exchange, String.class);
        ZohoResponse answer;
        if (endpoint.getPaging() != null) {
            answer = pages(exchange, p, q);
        } else if (!get && endpoint.getComponent().isDryRun()) {
            answer = dryRun(exchange, p);
        } else {
            answer = call(exchange, p, q, get ? "" : json(exchange.getMessage().getBody()));
        }
        if (answer != null) {
            exchange.getMessage().setBody(answer);
        }
    }

    /** Every page of a list; the answer holds all items under the endpoint's {@code list}, or the first failure. */
    private ZohoResponse pages(Exchange exchange, String p, String q) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        int size = endpoint.getPageSize();
        boolean byPage = endpoint.getPaging().equals("page");
        int page = 1;
        int start = 0;
        while (true) {
            String paging = byPage ? "page=" + page + "&per_page=" + size : "start=" + start + "&limit=" + size;
            ZohoResponse r = call(exchange, p, q == null || q.isEmpty() ? paging : q + "&" + paging, "");
            if (r == null || !r.success()) {
                return r;
            }
            JsonNode list = r.body() == null ? null : r.body().get(endpoint.getList());
            int n = list instanceof ArrayNode a ? a.size() : 0;
            if (n > 0) {
                items.addAll((ArrayNode) list);
            }
            boolean more = !r.isEmpty() && (byPage ? r.body() != null
                    && r.body().path("info").path("more_records").asBoolean(false) : n >= size);
            if (!more) {
                ObjectNode all = JsonNodeFactory.instance.objectNode();
                all.set(endpoint.getList(), items);
                return new ZohoResponse(r.httpStatus(), true, r.code(), r.message(), null, null, all, null);
            }
            page++;
            start += n;
        }
    }

    /** A dry run's answer to a call that would change Zoho: nothing is sent. */
    private ZohoResponse dryRun(Exchange exchange, String p) {
        Object summary = exchange.getVariable(REQUEST_SUMMARY);
        return new ZohoResponse(0, true, "VALIDATED", "dry run: would " + endpoint.getMethod() + " " + p + " "
                + (summary != null ? summary : json(exchange.getMessage().getBody())), null, null, null, null);
    }

    /** One call through the attempts route; null when that route failed with an exception (left on the exchange). */
    private ZohoResponse call(Exchange exchange, String p, String q, Object body) {
        Map<String, Object> properties = exchange.getProperties();
        Map<String, Object> caller = new HashMap<>(properties);
        caller.remove(ZohoCall.IO_FAILURES);
        properties.clear();
        ZohoCall call = new ZohoCall(endpoint.getApi(), endpoint.getMethod(), p, q, counterName, body, caller);
        exchange.setProperty(ZohoCall.PROPERTY, call);
        try {
            attempts.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            exchange.removeProperty(ZohoCall.PROPERTY);
            // one put each: ConcurrentHashMap.putAll grows the table ahead of need, on every call
            for (Map.Entry<String, Object> e : caller.entrySet()) {
                properties.put(e.getKey(), e.getValue());
            }
            if (call.ioFailures() > 0) {
                exchange.setProperty(ZohoCall.IO_FAILURES, call.ioFailures());
            }
        }
        return exchange.getException() != null ? null : exchange.getMessage().getBody(ZohoResponse.class);
    }

    private static String json(Object body) {
        if (body == null || body instanceof String) {
            return body == null ? "" : (String) body;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the request body cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
