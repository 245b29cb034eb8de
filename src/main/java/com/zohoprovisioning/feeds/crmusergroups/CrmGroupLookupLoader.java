package com.zohoprovisioning.feeds.crmusergroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.RecordException;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.zoho.ZohoLookupException;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;

/**
 * Takes the answers of the lookup GETs of {@code routes/crm-user-groups.yaml} into the run's
 * {@link CrmGroupLookups}: user groups, users, territories and roles (each list whole, all its pages), and a group's
 * members (its sources) when a record first needs them.
 */
public class CrmGroupLookupLoader {

    /** Starts the run's lookups; called before the first GET. */
    public void start(Exchange exchange) {
        exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(new CrmGroupLookups());
    }

    public void groups(Exchange exchange) {
        lookups(exchange).addGroups(list(exchange, "the CRM user groups list", "user_groups"));
    }

    public void users(Exchange exchange) {
        lookups(exchange).addUsers(list(exchange, "the CRM users list", "users"));
    }

    public void territories(Exchange exchange) {
        lookups(exchange).addTerritories(list(exchange, "the CRM territories list", "territories"));
    }

    public void roles(Exchange exchange) {
        lookups(exchange).addRoles(list(exchange, "the CRM roles list", "roles"));
    }

    /** A group's sources (its members, all pages); a failure is this record's error, not the file's. */
    public void members(Exchange exchange) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        CrmGroupLookups.Group group = exchange.getProperty(CrmUserGroupResolver.GROUP, CrmGroupLookups.Group.class);
        if (!r.success()) {
            group.forgetMembers();
            throw new RecordException(r.code(), "cannot read the members of group '" + group.name() + "': " + r.message());
        }
        group.startMembers();
        JsonNode list = r.body() == null ? null : r.body().get("sources");
        if (list != null) {
            for (JsonNode s : list) {
                group.put(member(s));
            }
        }
    }

    /**
     * One entry of a group's sources list. Zoho's SDKs and OpenAPI file model {@code sub_territories} beside
     * {@code subordinates}: a territory whose child territories are included may carry either, so
     * {@code subordinates} is read first and {@code sub_territories} when it is absent or null.
     */
    static CrmGroupLookups.Member member(JsonNode s) {
        JsonNode sub = s.get("subordinates");
        if ((sub == null || sub.isNull()) && "territories".equals(s.path("type").asText())) {
            sub = s.get("sub_territories");
        }
        return new CrmGroupLookups.Member(s.path("type").asText(), s.path("source").path("id").asText(),
                s.path("source").path("name").asText(), sub == null || sub.isNull() ? null : sub.asBoolean());
    }

    private static JsonNode list(Exchange exchange, String what, String field) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        if (!r.success()) {
            throw ZohoLookupException.of(what, r);
        }
        return r.isEmpty() || r.body() == null ? null : r.body().get(field);
    }

    private static CrmGroupLookups lookups(Exchange exchange) {
        return exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(CrmGroupLookups.class);
    }
}
