package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.zohoprovisioning.sandbox.ZohoUsers.USERS;
import static com.zohoprovisioning.sandbox.ZohoUsers.details;

/** The one user of a CRM {@code POST}/{@code PUT} body {"users":[{…}]}, or the request-level refusal of a body that is not that. */
record CrmUserBody(JsonNode user, SandboxResponse refusal) {

    static CrmUserBody of(SandboxRequest req) {
        JsonNode body = req.json();
        if (body == null || !body.isObject()) {
            return new CrmUserBody(null, SandboxResponse.error(400, "INVALID_DATA", "body is not valid JSON", null));
        }
        JsonNode users = body.get(USERS);
        if (users == null || !users.isArray() || users.isEmpty()) {
            return new CrmUserBody(null, SandboxResponse.error(400, "MANDATORY_NOT_FOUND", "required field not found",
                    details("api_name", USERS, "json_path", "$.users")));
        }
        if (users.size() > 1) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("maximum_length", 1);
            d.put("api_name", USERS);
            d.put("json_path", "$.users");
            return new CrmUserBody(null, SandboxResponse.error(400, "INVALID_DATA", "invalid data", d));
        }
        if (!users.get(0).isObject()) {
            return new CrmUserBody(null, SandboxResponse.error(400, "INVALID_DATA", "invalid data",
                    details("api_name", USERS, "json_path", "$.users[0]")));
        }
        return new CrmUserBody(users.get(0), null);
    }
}
