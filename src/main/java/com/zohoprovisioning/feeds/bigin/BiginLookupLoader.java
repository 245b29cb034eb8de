package com.zohoprovisioning.feeds.bigin;

import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.FileRuns;
import com.zohoprovisioning.zoho.ZohoLookupException;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;

/**
 * Takes the answers of the lookup GETs of {@code routes/bigin-users.yaml} into the run's {@link BiginLookups}:
 * roles, profiles, and the users list (all its pages).
 */
public class BiginLookupLoader {

    public void roles(Exchange exchange) {
        BiginLookups l = new BiginLookups();
        exchange.getProperty(FileRuns.RUN, FileRun.class).lookups(l);
        l.addRoles(answer(exchange, "Bigin roles").path("roles"));
    }

    public void profiles(Exchange exchange) {
        lookups(exchange).addProfiles(answer(exchange, "Bigin profiles").path("profiles"));
    }

    /** Every page of the users list, as one answer (the zoho: step's paging). */
    public void users(Exchange exchange) {
        lookups(exchange).addUsers(answer(exchange, "the Bigin users list").get("users"));
    }

    private static BiginLookups lookups(Exchange exchange) {
        return exchange.getProperty(FileRuns.RUN, FileRun.class).lookups(BiginLookups.class);
    }

    private static com.fasterxml.jackson.databind.JsonNode answer(Exchange exchange, String what) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        if (!r.success()) {
            throw new ZohoLookupException(what, r);
        }
        return r.body() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : r.body();
    }
}
