package com.zohoprovisioning.zoho;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads any Zoho answer into a {@link ZohoResponse}: the request-level {@code {code,details,message,status}},
 * the per-record {@code {"users":[{code,details,message,status}]}}, Mail's {@code {"status":{code,description},
 * "data":…}}, a plain list, or 204 with no body. Throws for answers worth another try: 401 INVALID_TOKEN
 * ({@link InvalidTokenException}) and 429 / 5xx ({@link ZohoRetryableException}).
 */
public class ZohoResponseParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Inside the circuit breaker: reads the answer and throws only for what counts as Zoho failing (5xx), so that a
     * rate limit or an expired token never opens the breaker.
     */
    public ZohoResponse answer(Exchange exchange) {
        Message in = exchange.getMessage();
        int http = in.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        byte[] raw = in.getBody(byte[].class);
        Long retryAfter = retryAfter(in.getHeader("Retry-After", String.class));
        ZohoResponse r = read(http, raw, retryAfter);
        if (http >= 500 && !"TOO_MANY_REQUESTS".equals(r.code())) {
            throw new ZohoRetryableException(r);
        }
        return r;
    }

    /**
     * After the circuit breaker: 401 INVALID_TOKEN and 429 TOO_MANY_REQUESTS become exceptions worth another try;
     * a 429 that says the credits are spent (Zoho reports none left, or fewer than the reserve; or it answered 429
     * twice to a call alone in flight, without Retry-After) ends the call: {@link ZohoCreditsLowException}.
     */
    public ZohoResponse check(ZohoResponse r, ZohoCall call, ZohoCredits credits) {
        if (rateLimited(r) && call != null && credits != null) {
            if (call.aloneRateLimited() >= 2 && r.retryAfterSeconds() == null && credits.remaining(call.api()) == null) {
                credits.spent(call.api());
            }
            if (credits.low(call.api())) {
                throw new ZohoCreditsLowException(credits.reason(call.api()), credits.resumeAt(call.api()));
            }
        }
        return check(r);
    }

    public ZohoResponse check(ZohoResponse r) {
        int http = r.httpStatus();
        if (http == 401 && ("INVALID_TOKEN".equals(r.code()) || "INVALID_OAUTHTOKEN".equals(r.code()))) {
            throw new InvalidTokenException(r);
        }
        if (rateLimited(r)) {
            throw new ZohoRateLimitedException(r);
        }
        if (http >= 500) {
            throw new ZohoRetryableException(r);
        }
        return r;
    }

    /** Zoho's 429 TOO_MANY_REQUESTS (too many calls at once, or the day's credits spent). */
    static boolean rateLimited(ZohoResponse r) {
        return r.httpStatus() == 429 || "TOO_MANY_REQUESTS".equals(r.code());
    }

    static ZohoResponse read(int http, byte[] raw, Long retryAfter) {
        boolean httpOk = http >= 200 && http < 300;
        if (raw == null || raw.length == 0 || http == 204) {
            return new ZohoResponse(http, httpOk, httpOk ? "SUCCESS" : "HTTP_" + http,
                    httpOk ? NO_CONTENT : "HTTP " + http + " with no body", null, null, null, retryAfter);
        }
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isContainerNode()) {
            return new ZohoResponse(http, false, httpOk ? "INVALID_RESPONSE" : "HTTP_" + http,
                    "Zoho answered HTTP " + http + " with a body that is not JSON", null, null, null, retryAfter);
        }
        JsonNode mailStatus = body.get("status");
        if (mailStatus != null && mailStatus.isObject() && (mailStatus.has("code") || mailStatus.has("description"))) {
            return mail(http, body, mailStatus, retryAfter);
        }
        if (body.path("code").isTextual()) {
            return item(http, body, body, retryAfter);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            JsonNode v = fields.next().getValue();
            if (v.isArray() && v.size() == 1 && v.get(0).isObject() && v.get(0).has("code") && v.get(0).has("status")) {
                return item(http, v.get(0), body, retryAfter);
            }
        }
        return new ZohoResponse(http, httpOk, httpOk ? "SUCCESS" : "HTTP_" + http, httpOk ? NO_ITEM : "HTTP " + http,
                null, null, body, retryAfter);
    }

    private static final String NO_CONTENT = "no content";
    private static final String NO_ITEM = "ok";

    /**
     * A 2xx answer with no item for the record (empty, {@code {}}, {@code {"users":[]}}): right for a list, but a
     * write that Zoho applied always answers with its item (code, status, details), so for a write it proves nothing.
     */
    public static boolean itemless(ZohoResponse r) {
        return r.success() && r.id() == null && r.details() == null
                && (NO_CONTENT.equals(r.message()) || NO_ITEM.equals(r.message()));
    }

    private static ZohoResponse item(int http, JsonNode item, JsonNode body, Long retryAfter) {
        boolean ok = http >= 200 && http < 300 && "success".equalsIgnoreCase(item.path("status").asText());
        JsonNode details = item.get("details");
        String id = details == null ? null : text(details.get("id"));
        return new ZohoResponse(http, ok, item.path("code").asText(), item.path("message").asText(""), id, details,
                body, retryAfter);
    }

    /**
     * Mail's envelope, read leniently: {@code status.code} a number or a string (missing: the HTTP status),
     * {@code data} an object, a list (its first element names the id and error) or absent. An error's code is
     * {@code data.errorCode}, else the status code; its message the description, the status code when it differs
     * from the HTTP status, and {@code data.moreInfo}.
     */
    private static ZohoResponse mail(int http, JsonNode body, JsonNode status, Long retryAfter) {
        JsonNode codeNode = status.path("code");
        int code = codeNode.isNumber() ? codeNode.asInt() : parseInt(codeNode.asText(""), http);
        boolean ok = http >= 200 && http < 300 && code >= 200 && code < 300;
        JsonNode data = body.get("data");
        JsonNode first = data != null && data.isArray() && data.size() > 0 ? data.get(0) : data;
        boolean one = first != null && first.isObject() && !(data.isArray() && data.size() > 1);
        String errorCode = one ? text(first.get("errorCode")) : null;
        String moreInfo = one ? text(first.get("moreInfo")) : null;
        String message = status.path("description").asText("");
        if (message.isEmpty()) {
            message = ok ? "success" : "HTTP " + http;
        }
        if (!ok && code != http) {
            message = message + " (status " + code + ")";
        }
        if (moreInfo != null && !moreInfo.isEmpty()) {
            message = message + ": " + moreInfo;
        }
        String zohoCode = ok ? "SUCCESS" : errorCode != null && !errorCode.isEmpty() ? errorCode : String.valueOf(code);
        String id = one ? text(first.get("accountId")) : null;
        return new ZohoResponse(http, ok, zohoCode, message, id, data, body, retryAfter);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Long retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
