package com.zohoprovisioning.feeds.mail;

import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.zoho.ZohoLookupException;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;

/**
 * The once-per-file lookups of {@code routes/mail-users.yaml}: starts the run's {@link MailAccounts} and, with
 * {@code mail.account-lookup=list}, reads the accounts list page by page ({@code zpMore} drives the route's loop,
 * {@code zpStart} is the next page's start).
 */
public class MailLookupLoader {

    public static final String MORE = "zpMore";
    public static final String START = "zpStart";

    private final MailSettings settings;

    public MailLookupLoader(MailSettings settings) {
        this.settings = settings;
    }

    /**
     * Empty lookups for the run, and the list request's properties when the strategy is {@code list}. Without
     * {@code mail.zoid} the whole file fails here (it stays in the inbox) rather than every record on its own.
     */
    public void start(Exchange exchange) {
        String zoid = settings.zoid();
        exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(new MailAccounts());
        boolean list = settings.lookup() == MailSettings.Lookup.LIST;
        exchange.setProperty(MORE, list);
        exchange.setProperty(START, 0);
        if (list) {
            exchange.setProperty("zpApi", "mail");
            exchange.setProperty("zpMethod", "GET");
            exchange.setProperty("zpPath", "/api/organization/" + zoid + "/accounts");
            exchange.setProperty("zpEndpoint", "GET /api/organization/{zoid}/accounts");
            exchange.getMessage().setBody("");
        }
    }

    /** The query of the next page. */
    public String pageQuery(Exchange exchange) {
        return "start=" + exchange.getProperty(START, 0, Integer.class) + "&limit=" + settings.pageSize();
    }

    /** One page of the accounts list; a short or empty page is the last. */
    public void page(Exchange exchange) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        if (!r.success()) {
            throw new ZohoLookupException("the Zoho Mail accounts list", r);
        }
        MailAccounts accounts = exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(MailAccounts.class);
        int n = r.isEmpty() || r.body() == null ? 0 : accounts.add(r.body().get("data"));
        boolean more = n >= settings.pageSize();
        exchange.setProperty(MORE, more);
        exchange.setProperty(START, exchange.getProperty(START, 0, Integer.class) + n);
        accounts.listed(!more);
    }
}
