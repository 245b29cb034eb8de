package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Zoho Mail organisation accounts: the paged list, one account by e-mail or zuid, and the updatePersonalInfo
 * PUT, in Mail's envelope {@code {"status":{"code","description"},"data":…}}. The list answers ids and the
 * status code as numbers, a single account as strings, as the Mail pages' samples disagree. Errors: unknown
 * organisation 400, unknown account 404, missing or unknown {@code mode} 400, zuid missing or not the account's
 * 400, an unknown key or a bad value 400. Both {@code phoneNumber} (the page's sample) and {@code phoneNumer}
 * (its parameter list) are accepted and stored as {@code phoneNumber}. {@code GET /__sandbox/mail/accounts/{key}}
 * (no OAuth) reads back what an account holds.
 */
public final class MailAccountsApi implements SandboxApi {

    static final Set<String> KEYS = Set.of("zuid", "mode", "firstName", "lastName", "displayName", "gender", "country",
            "phoneNumber", "phoneNumer", "mobileNumber", "address");
    static final Set<String> ADDRESS_KEYS = Set.of("streetAddr", "city", "postalCode", "state");
    static final Set<String> GENDERS = Set.of("MALE", "FEMALE", "NON_BINARY", "NOT_SPECIFIED");
    static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SandboxState state;

    public MailAccountsApi(SandboxState state) {
        this.state = state;
    }

    /** Found by the sandbox's classpath scan of its package ({@link ZohoSandbox}). */
    public static final class Factory implements SandboxApi.Factory {
        @Override
        public SandboxApi create(SandboxContext c) {
            return new MailAccountsApi(c.state());
        }
    }

    @Override
    public void register(SandboxRouter r) {
        r.api("GET", "/api/organization/{zoid}/accounts", this::list);
        r.api("GET", "/api/organization/{zoid}/accounts/{zuidOrEmail}", this::one);
        r.api("PUT", "/api/organization/{zoid}/accounts/{accountId}", this::update);
        r.open("GET", "/__sandbox/mail/accounts/{zuidOrEmail}", this::readBack);
    }

    private SandboxResponse list(SandboxRequest req) {
        SandboxResponse wrongOrg = checkOrg(req);
        if (wrongOrg != null) {
            return wrongOrg;
        }
        int start;
        int limit;
        try {
            start = Math.max(0, Integer.parseInt(req.query("start", "0")));
            limit = Math.max(1, Integer.parseInt(req.query("limit", "10")));
        } catch (NumberFormatException e) {
            return error(400, "Invalid Input", "PATTERN_NOT_MATCHED", "start and limit must be numbers");
        }
        synchronized (state.lock()) {
            ArrayNode accounts = state.list("mail", "accounts");
            ArrayNode page = NODES.arrayNode();
            for (int i = start; i < accounts.size() && page.size() < limit; i++) {
                page.add(render(accounts.get(i), true));
            }
            return ok(200, page, true);
        }
    }

    private SandboxResponse one(SandboxRequest req) {
        SandboxResponse wrongOrg = checkOrg(req);
        if (wrongOrg != null) {
            return wrongOrg;
        }
        synchronized (state.lock()) {
            ObjectNode a = find(req.pathParam("zuidOrEmail"));
            return a == null ? notFound(req.pathParam("zuidOrEmail")) : ok(200, render(a, false), false);
        }
    }

    private SandboxResponse readBack(SandboxRequest req) {
        synchronized (state.lock()) {
            ObjectNode a = find(req.pathParam("zuidOrEmail"));
            return a == null ? notFound(req.pathParam("zuidOrEmail")) : SandboxResponse.of(200, a.deepCopy());
        }
    }

    private SandboxResponse update(SandboxRequest req) {
        SandboxResponse wrongOrg = checkOrg(req);
        if (wrongOrg != null) {
            return wrongOrg;
        }
        JsonNode in = req.json();
        if (in == null || !in.isObject()) {
            return error(400, "Invalid Input", "JSON_PARSE_ERROR", "the body must be a JSON object");
        }
        synchronized (state.lock()) {
            ObjectNode a = byAccountId(req.pathParam("accountId"));
            if (a == null) {
                return notFound(req.pathParam("accountId"));
            }
            if (in.path("mode").asText("").isEmpty()) {
                return error(400, "Invalid Input", "MANDATORY_PARAM_MISSING", "mode is required");
            }
            if (!in.get("mode").asText().equals("updatePersonalInfo")) {
                return error(400, "Invalid Input", "PATTERN_NOT_MATCHED",
                        "mode '" + in.get("mode").asText() + "' is not supported by the sandbox; use updatePersonalInfo");
            }
            if (in.path("zuid").asText("").isEmpty()) {
                return error(400, "Invalid Input", "MANDATORY_PARAM_MISSING", "zuid is required");
            }
            if (!in.get("zuid").asText().equals(a.path("zuid").asText())) {
                return error(400, "Invalid Input", "INVALID_ZUID", "zuid " + in.get("zuid").asText()
                        + " is not the zuid of account " + req.pathParam("accountId"));
            }
            SandboxResponse invalid = validate(in);
            if (invalid != null) {
                return invalid;
            }
            Iterator<Map.Entry<String, JsonNode>> it = in.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                String key = f.getKey();
                if (key.equals("mode") || key.equals("zuid")) {
                    continue;
                }
                if (key.equals("address")) {
                    JsonNode old = a.get("address");
                    ObjectNode address = old instanceof ObjectNode o ? o : a.putObject("address");
                    f.getValue().fields().forEachRemaining(e -> address.put(e.getKey(), e.getValue().asText()));
                } else {
                    a.put(key.equals("phoneNumer") ? "phoneNumber" : key, f.getValue().asText());
                }
            }
            return SandboxResponse.of(200, envelope(200, "success", true, null));
        }
    }

    private static SandboxResponse validate(JsonNode in) {
        Iterator<Map.Entry<String, JsonNode>> it = in.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (!KEYS.contains(key)) {
                return error(400, "Invalid Input", "EXTRA_KEY_FOUND_IN_JSON", "unknown key " + key);
            }
            if (key.equals("address")) {
                if (!v.isObject()) {
                    return error(400, "Invalid Input", "PATTERN_NOT_MATCHED", "address must be a JSON object");
                }
                Iterator<Map.Entry<String, JsonNode>> ai = v.fields();
                while (ai.hasNext()) {
                    Map.Entry<String, JsonNode> af = ai.next();
                    if (!ADDRESS_KEYS.contains(af.getKey())) {
                        return error(400, "Invalid Input", "EXTRA_KEY_FOUND_IN_JSON", "unknown key address." + af.getKey());
                    }
                    if (!af.getValue().isTextual()) {
                        return error(400, "Invalid Input", "PATTERN_NOT_MATCHED", "address." + af.getKey() + " must be a string");
                    }
                }
            } else if (!key.equals("zuid") && !v.isTextual()) {
                return error(400, "Invalid Input", "PATTERN_NOT_MATCHED", key + " must be a string");
            }
        }
        if (in.has("gender") && !GENDERS.contains(in.get("gender").asText())) {
            return error(400, "Invalid Input", "PATTERN_NOT_MATCHED", "gender must be one of " + GENDERS);
        }
        if (in.has("country") && !COUNTRIES.contains(in.get("country").asText().toUpperCase(Locale.ROOT))) {
            return error(400, "Invalid Input", "PATTERN_NOT_MATCHED", "country must be a country code");
        }
        return null;
    }

    /** An account as Mail's GET answers it: ids as numbers (list) or strings (single), addresses as a list. */
    private static ObjectNode render(JsonNode stored, boolean numbers) {
        ObjectNode out = NODES.objectNode();
        for (String id : new String[]{"accountId", "zuid"}) {
            String v = stored.path(id).asText();
            if (numbers) {
                out.put(id, Long.parseLong(v));
            } else {
                out.put(id, v);
            }
        }
        String primary = stored.path("emailAddress").asText();
        out.put("primaryEmailAddress", primary);
        out.put("incomingUserName", primary);
        ArrayNode addresses = out.putArray("emailAddress");
        addresses.addObject().put("mailId", primary).put("isPrimary", true).put("isAlias", false).put("isConfirmed", true);
        for (JsonNode alias : stored.path("aliases")) {
            addresses.addObject().put("mailId", alias.asText()).put("isPrimary", false).put("isAlias", true)
                    .put("isConfirmed", true);
        }
        for (String key : new String[]{"firstName", "lastName", "displayName", "gender", "country", "phoneNumber",
                "mobileNumber"}) {
            out.put(key, stored.path(key).asText(""));
        }
        out.set("address", stored.path("address").isObject() ? stored.get("address").deepCopy() : NODES.objectNode());
        out.put("role", stored.path("role").asText("member"));
        out.put("type", "ZOHO_ACCOUNT");
        out.put("mailboxStatus", stored.path("mailboxStatus").asText("enabled"));
        return out;
    }

    private ObjectNode find(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (JsonNode a : state.list("mail", "accounts")) {
            if (a.path("zuid").asText().equals(k) || a.path("emailAddress").asText().equalsIgnoreCase(k)) {
                return (ObjectNode) a;
            }
            for (JsonNode alias : a.path("aliases")) {
                if (alias.asText().equalsIgnoreCase(k)) {
                    return (ObjectNode) a;
                }
            }
        }
        return null;
    }

    private ObjectNode byAccountId(String id) {
        for (JsonNode a : state.list("mail", "accounts")) {
            if (a.path("accountId").asText().equals(id)) {
                return (ObjectNode) a;
            }
        }
        return null;
    }

    private SandboxResponse checkOrg(SandboxRequest req) {
        String zoid = state.section("mail").path("zoid").asText();
        return zoid.equals(req.pathParam("zoid")) ? null
                : error(400, "Invalid Input", "INVALID_ORGANIZATION", "no organization has the zoid " + req.pathParam("zoid"));
    }

    private static SandboxResponse notFound(String key) {
        return error(404, "Not Found", "ACCOUNT_NOT_FOUND", "no account in this organization for " + key);
    }

    private static SandboxResponse ok(int code, JsonNode data, boolean numbers) {
        return SandboxResponse.of(code, envelope(code, "success", numbers, data));
    }

    private static SandboxResponse error(int code, String description, String errorCode, String moreInfo) {
        ObjectNode data = NODES.objectNode().put("errorCode", errorCode).put("moreInfo", moreInfo);
        return SandboxResponse.of(code, envelope(code, description, true, data));
    }

    private static Map<String, Object> envelope(int code, String description, boolean numericCode, JsonNode data) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("code", numericCode ? (Object) code : String.valueOf(code));
        status.put("description", description);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (data != null) {
            body.put("data", data);
        }
        return body;
    }
}
