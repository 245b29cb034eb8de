package com.zohoprovisioning.pipeline;

/**
 * What roster mode needs to know of the org, from a user feed's lookups ({@code zpRun.lookups}): every user (active
 * or not), the profile names, the token's own user and the org's primary contact. A feed whose lookups implement this
 * can run in roster mode.
 */
public interface RosterDirectory {

    /** A user as the users list shows it. */
    record DirectoryUser(String id, String email, String status, String firstName, String lastName, String profileId) {

        /** Active: not {@code inactive}, {@code disabled} or {@code deleted}. */
        public boolean active() {
            return !("inactive".equals(status) || "disabled".equals(status) || "deleted".equals(status));
        }
    }

    /** Every user the lookups loaded. */
    Iterable<DirectoryUser> directoryUsers();

    /** What Zoho holds of this user (ids for roles and profiles), for the plan's "before"; empty when unknown. */
    java.util.Map<String, String> userFields(String id);

    /** The profile's name for its id, or null. */
    String profileName(String profileId);

    /** The Zoho id of the user the token acts as (the CurrentUser lookup), or null when it was not loaded. */
    String ownUserId();

    /**
     * The Zoho id of the org's primary contact (the org lookup's {@code primary_zuid}, else its {@code primary_email},
     * matched in the users list), or null when it was not loaded or matches no user.
     */
    String primaryContactId();
}
