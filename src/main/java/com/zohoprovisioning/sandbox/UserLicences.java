package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** The licence count of Bigin and CRM: {@code sandbox.licences} against the active users (unconfirmed ones included). */
final class UserLicences {

    private final long licences;

    UserLicences(long licences) {
        this.licences = licences;
    }

    /** True when one more active user would pass the licences. Call under the state lock. */
    boolean full(ArrayNode users) {
        if (users.size() < licences) {
            return false;
        }
        long active = 0;
        for (JsonNode u : users) {
            if (ZohoUsers.status(u).equals("active")) {
                active++;
            }
        }
        return active >= licences;
    }
}
