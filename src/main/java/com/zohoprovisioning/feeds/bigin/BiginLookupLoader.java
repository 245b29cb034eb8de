package com.zohoprovisioning.feeds.bigin;

import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.zoho.ZohoLookupException;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;

/**
 * Takes the answers of the lookup GETs of {@code routes/bigin-users.yaml} into the run's {@link BiginLookups}:
 * roles, profiles, and the users list page by page ({@code zpMore} tells the route's loop to go on).
 */
public class BiginLookupLoader {

    public static final String PAGE = "zpPage";
    public static final String MORE = "zpMore";

    public void roles(Exchange exchange) {
        BiginLookups l = new BiginLookups();
        exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(l);
        l.addRoles(answer(exchange, "Bigin roles").path("roles"));
    }

    public void profiles(Exchange exchange) {
        lookups(exchange).addProfiles(answer(exchange, "Bigin profiles").path("profiles"));
    }

    public void usersPage(Exchange exchange) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        if (!r.success()) {
            throw new ZohoLookupException("the Bigin users list", r);
        }
        boolean more = false;
        if (!r.isEmpty() && r.body() != null) {
            lookups(exchange).addUsers(r.body().get("users"));
            more = r.body().path("info").path("more_records").asBoolean(false);
        }
        exchange.setProperty(MORE, more);
        exchange.setProperty(PAGE, exchange.getProperty(PAGE, 1, Integer.class) + 1);
    }

    private static BiginLookups lookups(Exchange exchange) {
        return exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(BiginLookups.class);
    }

    private static com.fasterxml.jackson.databind.JsonNode answer(Exchange exchange, String what) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        if (!r.success()) {
            throw new ZohoLookupException(what, r);
        }
        return r.body() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : r.body();
    }
}
