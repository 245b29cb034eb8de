package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organization of CRM ({@code GET /crm/v6/org}) and of Bigin ({@code GET /bigin/v1/org}): {@code {"org":[{…}]}}
 * with the primary contact (the super admin) as {@code primary_zuid} and {@code primary_email}, as Zoho's org pages
 * name them, taken from the user that {@code crm.primary_contact_id} / {@code bigin.primary_user_id} names. Only the
 * fields a caller here reads, and the org's {@code type}.
 */
public final class OrgApi implements SandboxApi {

    private final SandboxState state;

    public OrgApi(SandboxState state) {
        this.state = state;
    }

    /** Found by the sandbox's classpath scan of its package ({@link ZohoSandbox}). */
    public static final class Factory implements SandboxApi.Factory {
        @Override
        public SandboxApi create(SandboxContext c) {
            return new OrgApi(c.state());
        }
    }

    @Override
    public void register(SandboxRouter r) {
        r.api("GET", "/crm/v6/org", req -> org(CrmUserStore.CRM, "primary_contact_id", "production"));
        r.api("GET", "/bigin/v1/org", req -> org(BiginUserStore.BIGIN, "primary_user_id", "bigin"));
    }

    private SandboxResponse org(String product, String primaryKey, String type) {
        synchronized (state.lock()) {
            String primaryId = state.section(product).path(primaryKey).asText("");
            JsonNode primary = ZohoUsers.byId(state.list(product, ZohoUsers.USERS), primaryId);
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("type", type);
            org.put("primary_zuid", primary == null || primary.path("zuid").isNull() ? null : primary.path("zuid").asText(null));
            org.put("primary_email", primary == null ? null : primary.path("email").asText(null));
            return SandboxResponse.of(200, Map.of("org", List.of(org)));
        }
    }
}
