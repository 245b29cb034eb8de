package com.zohoprovisioning.feeds.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.RecordException;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.zoho.ZohoLookupException;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;

/**
 * Takes the answers of the lookup GETs of {@code routes/crm-user-groups.yaml} into the run's
 * {@link CrmGroupLookups}: user groups, users, territories page by page ({@code zpMore} tells the route's loop to go
 * on), roles in one answer, and a group's members (its sources) when a record first needs them.
 */
public class CrmGroupLookupLoader {

    public static final String PAGE = "zpPage";
    public static final String MORE = "zpMore";

    /** Starts the run's lookups; called before the first GET. */
    public void start(Exchange exchange) {
        exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(new CrmGroupLookups());
    }

    public void groupsPage(Exchange exchange) {
        lookups(exchange).addGroups(page(exchange, "the CRM user groups list", "user_groups"));
    }

    public void usersPage(Exchange exchange) {
        lookups(exchange).addUsers(page(exchange, "the CRM users list", "users"));
    }

    public void territoriesPage(Exchange exchange) {
        lookups(exchange).addTerritories(page(exchange, "the CRM territories list", "territories"));
    }

    public void roles(Exchange exchange) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        if (!r.success()) {
            throw new ZohoLookupException("the CRM roles list", r);
        }
        lookups(exchange).addRoles(r.body() == null ? null : r.body().get("roles"));
    }

    /** One page of a group's sources (its members); a failure is this record's error, not the file's. */
    public void membersPage(Exchange exchange) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        CrmGroupLookups.Group group = exchange.getProperty(CrmUserGroupResolver.GROUP, CrmGroupLookups.Group.class);
        if (!r.success()) {
            group.forgetMembers();
            throw new RecordException(r.code(), "cannot read the members of group '" + group.name() + "': " + r.message());
        }
        if (exchange.getProperty(PAGE, 1, Integer.class) == 1) {
            group.startMembers();
        }
        JsonNode list = next(exchange, r, "sources");
        if (list != null) {
            for (JsonNode s : list) {
                JsonNode sub = s.get("subordinates");
                group.put(new CrmGroupLookups.Member(s.path("type").asText(), s.path("source").path("id").asText(),
                        s.path("source").path("name").asText(), sub == null || sub.isNull() ? null : sub.asBoolean()));
            }
        }
    }

    private static JsonNode page(Exchange exchange, String what, String field) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        if (!r.success()) {
            throw new ZohoLookupException(what, r);
        }
        return next(exchange, r, field);
    }

    /** The page's list (null for 204), and {@code zpMore} / {@code zpPage} for the next turn of the loop. */
    private static JsonNode next(Exchange exchange, ZohoResponse r, String field) {
        boolean more = false;
        JsonNode list = null;
        if (!r.isEmpty() && r.body() != null) {
            list = r.body().get(field);
            more = r.body().path("info").path("more_records").asBoolean(false);
        }
        exchange.setProperty(MORE, more);
        exchange.setProperty(PAGE, exchange.getProperty(PAGE, 1, Integer.class) + 1);
        return list;
    }

    private static CrmGroupLookups lookups(Exchange exchange) {
        return exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(CrmGroupLookups.class);
    }
}
