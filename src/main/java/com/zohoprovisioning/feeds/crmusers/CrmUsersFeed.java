package com.zohoprovisioning.feeds.crmusers;

import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.feeds.users.UserLookupLoader;
import com.zohoprovisioning.feeds.users.UserProbes;
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

    @Override
    public List<Probe> probes(Settings settings) {
        return UserProbes.of("crm", "/crm/v6", settings.feedText(name(), "mode").equalsIgnoreCase("roster"));
    }

    @Override
    public Probe currentUser() {
        return UserProbes.currentUser("crm", "/crm/v6");
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
