package com.zohoprovisioning.feeds.users;

import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.zoho.ZohoLookupException;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;

/**
 * Takes the answers of a user feed's lookup GETs (its roles, profiles and the users list, all pages) into the
 * run's {@link UserLookups}. {@code product} names the lists in errors ("Bigin", "CRM").
 */
public class UserLookupLoader {

    private final String product;

    public UserLookupLoader(String product) {
        this.product = product;
    }

    public void roles(Exchange exchange) {
        UserLookups l = new UserLookups();
        exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(l);
        l.addRoles(answer(exchange, product + " roles").path("roles"));
    }

    public void profiles(Exchange exchange) {
        lookups(exchange).addProfiles(answer(exchange, product + " profiles").path("profiles"));
    }

    /** Every page of the users list, as one answer (the zoho: step's paging). */
    public void users(Exchange exchange) {
        lookups(exchange).addUsers(answer(exchange, "the " + product + " users list").get("users"));
    }

    /** Roster mode only: the token's own user ({@code type=CurrentUser}), never deactivated as a leaver. */
    public void currentUser(Exchange exchange) {
        lookups(exchange).addCurrentUser(answer(exchange, "the " + product + " current user").get("users"));
    }

    /** Roster mode only: the org ({@code GET …/org}), whose primary contact is never deactivated as a leaver. */
    public void org(Exchange exchange) {
        lookups(exchange).addOrg(answer(exchange, "the " + product + " organization").get("org"));
    }

    private static UserLookups lookups(Exchange exchange) {
        return exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(UserLookups.class);
    }

    private static com.fasterxml.jackson.databind.JsonNode answer(Exchange exchange, String what) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        if (!r.success()) {
            throw ZohoLookupException.of(what, r);
        }
        return r.body() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : r.body();
    }
}
