package com.zohoprovisioning.feeds.users;

import com.zohoprovisioning.pipeline.Feed.Probe;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code check} reads for a user feed (Bigin, CRM: the same lists under their own base path): roles, profiles,
 * the users list's first page, and in roster mode the org (the primary contact: a scope of its own, org.READ).
 */
public final class UserProbes {

    private UserProbes() {
    }

    /** @param base the API's path prefix, e.g. {@code /crm/v6} */
    public static List<Probe> of(String api, String base, boolean roster) {
        List<Probe> reads = new ArrayList<>(List.of(new Probe(api, base + "/settings/roles", null),
                new Probe(api, base + "/settings/profiles", null),
                new Probe(api, base + "/users", "type=AllUsers&per_page=1")));
        if (roster) {
            reads.add(new Probe(api, base + "/org", null));
        }
        return reads;
    }

    /** The token's own user ({@code type=CurrentUser}), for the LIVE line. */
    public static Probe currentUser(String api, String base) {
        return new Probe(api, base + "/users", "type=CurrentUser");
    }
}
