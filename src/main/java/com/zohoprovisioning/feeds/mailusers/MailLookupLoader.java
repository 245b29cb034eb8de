package com.zohoprovisioning.feeds.mailusers;

import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.zoho.ZohoLookupException;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;

/**
 * The once-per-file lookups of {@code routes/mail-users.yaml}: starts the run's {@link MailAccounts} and, with
 * {@code mail.account-lookup=list}, takes the whole accounts list (all its pages).
 */
public class MailLookupLoader {

    /** Exchange variable: whether the lookups read the whole accounts list (mail.account-lookup=list). */
    public static final String LIST = "listAccounts";

    private final MailSettings settings;

    public MailLookupLoader(MailSettings settings) {
        this.settings = settings;
    }

    /**
     * Empty lookups for the run, the organisation's {@code zoid} (variable) and whether to read the list. Without
     * {@code mail.zoid} the whole file fails here (it stays in the inbox) rather than every record on its own.
     */
    public void start(Exchange exchange) {
        exchange.setVariable("zoid", settings.zoid());
        exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(new MailAccounts());
        exchange.setVariable(LIST, settings.lookup() == MailSettings.Lookup.LIST);
    }

    /** The whole accounts list (all pages). */
    public void accounts(Exchange exchange) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        if (!r.success()) {
            throw ZohoLookupException.of("the Zoho Mail accounts list", r);
        }
        MailAccounts accounts = exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(MailAccounts.class);
        if (!r.isEmpty() && r.body() != null) {
            accounts.add(r.body().get("data"));
        }
        accounts.listed(true);
    }
}
