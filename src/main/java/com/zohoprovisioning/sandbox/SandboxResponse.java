package com.zohoprovisioning.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sandbox answer: HTTP status, a JSON-serialisable body (null for none) and extra headers. */
public record SandboxResponse(int status, Object body, Map<String, String> headers) {

    /** No answer at all: the connection is closed (a connection reset, or an answer lost on the way). */
    public static final SandboxResponse RESET = new SandboxResponse(-1, null, Map.of());

    public static SandboxResponse of(int status, Object body) {
        return new SandboxResponse(status, body, Map.of());
    }

    public static SandboxResponse noContent() {
        return new SandboxResponse(204, null, Map.of());
    }

    public SandboxResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new SandboxResponse(status, body, h);
    }

    /** Zoho's request-level error shape: {code, details, message, status}. */
    public static SandboxResponse error(int status, String code, String message, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("details", details == null ? Map.of() : details);
        body.put("message", message);
        body.put("status", "error");
        return of(status, body);
    }

    /** Zoho's per-record shape: {"<resource>":[{code, details, message, status}]}. */
    public static SandboxResponse record(int status, String resource, String code, String message,
                                         Map<String, ?> details, boolean success) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", code);
        item.put("details", details == null ? Map.of() : details);
        item.put("message", message);
        item.put("status", success ? "success" : "error");
        return of(status, Map.of(resource, List.of(item)));
    }
}
