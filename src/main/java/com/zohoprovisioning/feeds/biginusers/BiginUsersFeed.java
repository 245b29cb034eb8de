package com.zohoprovisioning.feeds.biginusers;

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

/** Feed bigin-users: Bigin users added, updated, activated or deactivated (routes: bigin-users.yaml beside). */
public class BiginUsersFeed extends Feed {

    public BiginUsersFeed() {
        super("bigin-users", List.of("email|id"), "email", FeedDefinition.SameKey.REJECT, "users");
    }

    @Override
    public boolean roster() {
        return true;
    }

    @Override
    public List<Probe> probes(Settings settings) {
        return UserProbes.of("bigin", "/bigin/v1", settings.feedText(name(), "mode").equalsIgnoreCase("roster"));
    }

    @Override
    public Probe currentUser() {
        return UserProbes.currentUser("bigin", "/bigin/v1");
    }

    @Override
    public void bind(Registry registry, Settings settings) {
        registry.bind("biginLookupLoader", new UserLookupLoader("Bigin"));
        registry.bind("biginValidate", RecordSteps.validates(
                new UserValidator(BiginUserRequestBuilder.ADD_REQUIRED, Set.of("skydesk.jp"))::validate));
        registry.bind("biginPlan", (Processor) new BiginUserRequestBuilder()::plan);
    }
}
