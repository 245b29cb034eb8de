package com.zohoprovisioning.feeds.biginusers;

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

/** Feed bigin-users: Bigin users added, updated, activated or deactivated (routes: bigin-users.yaml beside). */
public class BiginUsersFeed extends Feed {

    public BiginUsersFeed() {
        super("bigin-users", List.of("email|id"), "email", FeedDefinition.SameKey.REJECT, "users");
    }

    @Override
    public boolean roster() {
        return true;
    }

    /** Roster mode also reads the org, for its primary contact (a scope of its own: org.READ). */
    @Override
    public List<Probe> probes(Settings settings) {
        List<Probe> reads = new java.util.ArrayList<>(List.of(new Probe("bigin", "/bigin/v1/settings/roles", null),
                new Probe("bigin", "/bigin/v1/settings/profiles", null),
                new Probe("bigin", "/bigin/v1/users", "type=AllUsers&per_page=1")));
        if (settings.feedText(name(), "mode").equalsIgnoreCase("roster")) {
            reads.add(new Probe("bigin", "/bigin/v1/org", null));
        }
        return reads;
    }

    @Override
    public Probe currentUser() {
        return new Probe("bigin", "/bigin/v1/users", "type=CurrentUser");
    }

    @Override
    public void bind(Registry registry, Settings settings) {
        registry.bind("biginLookupLoader", new UserLookupLoader("Bigin"));
        registry.bind("biginValidate", RecordSteps.validates(
                new UserValidator(BiginUserRequestBuilder.ADD_REQUIRED, Set.of("skydesk.jp"))::validate));
        registry.bind("biginPlan", (Processor) new BiginUserRequestBuilder()::plan);
    }
}
