package com.zohoprovisioning.feeds.crmusergroups;

import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.pipeline.Feed;
import com.zohoprovisioning.pipeline.FeedDefinition;
import com.zohoprovisioning.pipeline.RecordSteps;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;

import java.util.List;

/**
 * Feed crm-user-groups: members added to or removed from CRM user groups (routes: crm-user-groups.yaml beside).
 * Records of one group run in file order, one at a time.
 */
public class CrmUserGroupsFeed extends Feed {

    public CrmUserGroupsFeed() {
        super("crm-user-groups", List.of("group", "member"), "group", FeedDefinition.SameKey.SERIALIZE);
    }

    @Override
    public List<Probe> probes(Settings settings) {
        return List.of(new Probe("crm", "/crm/v6/settings/roles", null),
                new Probe("crm", "/crm/v6/settings/user_groups", "per_page=1"),
                new Probe("crm", "/crm/v6/users", "type=AllUsers&per_page=1"),
                new Probe("crm", "/crm/v6/settings/territories", null));
    }

    @Override
    public Probe currentUser() {
        return new Probe("crm", "/crm/v6/users", "type=CurrentUser");
    }

    @Override
    public void bind(Registry registry, Settings settings) {
        CrmUserGroupRequestBuilder plans = new CrmUserGroupRequestBuilder();
        registry.bind("crmGroupLookupLoader", new CrmGroupLookupLoader());
        registry.bind("crmGroupsValidate", RecordSteps.validates(new CrmUserGroupValidator()::validate));
        registry.bind("crmGroupsResolve", (Processor) new CrmUserGroupResolver()::resolve);
        registry.bind("crmGroupsPlan", (Processor) plans::plan);
        registry.bind("crmGroupsApplied", (Processor) plans::applied);
        registry.bind("crmGroupsReadBack", (Processor) new CrmGroupReadBack()::check);
    }
}
