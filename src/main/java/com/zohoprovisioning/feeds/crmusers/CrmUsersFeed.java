package com.zohoprovisioning.feeds.crmusers;

import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.feeds.users.UserLookupLoader;
import com.zohoprovisioning.feeds.users.UserValidator;
import com.zohoprovisioning.pipeline.Feed;
import com.zohoprovisioning.pipeline.FeedDefinition;
import com.zohoprovisioning.pipeline.RecordSteps;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;

import java.util.List;
import java.util.Set;

/**
 * Feed crm-users: Zoho CRM users added, updated, deactivated or reactivated (routes: crm-users.yaml beside; API:
 * {@code zoho-api/crm-users.md}). The same columns and actions as bigin-users, so the same mapping profiles apply.
 */
public class CrmUsersFeed extends Feed {

    public CrmUsersFeed() {
        super("crm-users", List.of("email|id"), "email", FeedDefinition.SameKey.REJECT, "users");
    }

    @Override
    public boolean roster() {
        return true;
    }

    /** Roster mode also reads the org, for its primary contact (a scope of its own: org.READ). */
    @Override
    public List<Probe> probes(Settings settings) {
        List<Probe> reads = new java.util.ArrayList<>(List.of(new Probe("crm", "/crm/v6/settings/roles", null),
                new Probe("crm", "/crm/v6/settings/profiles", null),
                new Probe("crm", "/crm/v6/users", "type=AllUsers&per_page=1")));
        if (settings.feedText(name(), "mode").equalsIgnoreCase("roster")) {
            reads.add(new Probe("crm", "/crm/v6/org", null));
        }
        return reads;
    }

    @Override
    public Probe currentUser() {
        return new Probe("crm", "/crm/v6/users", "type=CurrentUser");
    }

    @Override
    public void bind(Registry registry, Settings settings) {
        registry.bind("crmUsersLookupLoader", new UserLookupLoader("CRM"));
        // @zoho.com addresses are refused by CRM (INVALID_DATA); both names are sent on add (the docs disagree on
        // which one is mandatory)
        registry.bind("crmUsersValidate", RecordSteps.validates(
                new UserValidator(CrmUserPlanner.ADD_REQUIRED, Set.of("zoho.com"))::validate));
        registry.bind("crmUsersPlan", (Processor) new CrmUserPlanner()::plan);
    }
}
