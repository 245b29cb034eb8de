package com.zohoprovisioning.feeds.mailusers;

import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.pipeline.Feed;
import com.zohoprovisioning.pipeline.FeedDefinition;
import com.zohoprovisioning.pipeline.RecordSteps;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;

import java.util.List;

/** Feed mail-users: Zoho Mail accounts' personal information updated (routes: mail-users.yaml beside). */
public class MailUsersFeed extends Feed {

    public MailUsersFeed() {
        super("mail-users", List.of("email|account_id"), "email", FeedDefinition.SameKey.REJECT);
    }

    /** One account of the organisation (Zoho Mail has no call for the token's own user in the scopes used). */
    @Override
    public List<Probe> probes(Settings settings) {
        String zoid = settings.optionalText("mail.zoid").orElseThrow(() ->
                new IllegalStateException("mail.zoid is not set (the organisation id: Mail admin console)"));
        return List.of(new Probe("mail", "/api/organization/" + zoid + "/accounts", "start=0&limit=1"));
    }

    @Override
    public void bind(Registry registry, Settings settings) {
        MailSettings mail = MailSettings.from(settings);
        MailAccountResolver accounts = new MailAccountResolver(mail);
        registry.bind("mailSettings", mail);
        registry.bind("mailLookupLoader", new MailLookupLoader(mail));
        registry.bind("mailValidate", RecordSteps.validates(new MailUserValidator()::validate));
        registry.bind("mailResolveAccount", (Processor) accounts::plan);
        registry.bind("mailAccountFound", (Processor) accounts::found);
        registry.bind("mailPlan", (Processor) new MailUserRequestBuilder(mail)::plan);
    }
}
