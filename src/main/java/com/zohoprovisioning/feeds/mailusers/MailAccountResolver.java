package com.zohoprovisioning.feeds.mailusers;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordException;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Finds the accountId and zuid of a mail-users record and keeps them in {@code zpAccount}: from the record's own
 * {@code account_id} + {@code zuid}, from the run's {@link MailAccounts}, or else by asking Zoho
 * ({@code GET /api/organization/{zoid}/accounts/{email}}: {@link #plan} sets the variable {@code lookup} and the e-mail,
 * {@link #found} reads the answer). An e-mail Zoho does not know is {@code UNKNOWN_ACCOUNT}.
 */
public class MailAccountResolver {

    public static final String ACCOUNT = "zpAccount";
    /** Exchange variable: true when the account must be looked up by e-mail (a GET) before the plan. */
    public static final String LOOKUP = "lookup";

    private final MailSettings settings;

    public MailAccountResolver(MailSettings settings) {
        this.settings = settings;
    }

    public void plan(Exchange exchange) {
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        exchange.setVariable(LOOKUP, false);
        if (r.has("account_id") && r.has("zuid")) {
            exchange.setProperty(ACCOUNT, new MailAccounts.Account(r.get("account_id"), r.get("zuid")));
            return;
        }
        MailAccounts.Account known = accounts(exchange).byEmail(r.get("email"));
        if (known != null) {
            exchange.setProperty(ACCOUNT, checked(r, known));
            return;
        }
        exchange.setVariable(LOOKUP, true);
        exchange.setVariable("zoid", settings.zoid());
        exchange.setVariable("email",
                URLEncoder.encode(r.get("email"), StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@"));
    }

    /** The answer of the GET by e-mail. */
    public void found(Exchange exchange) {
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        ZohoResponse z = exchange.getMessage().getBody(ZohoResponse.class);
        if (z.httpStatus() == 404 || (z.success() && account(z) == null)) {
            throw new RecordException("UNKNOWN_ACCOUNT", "no Zoho Mail account in organisation " + settings.zoid()
                    + " has the e-mail address '" + r.get("email") + "'");
        }
        if (!z.success()) {
            throw new RecordException(z.code(), "looking up the Mail account of '" + r.get("email") + "' failed: HTTP "
                    + z.httpStatus() + " " + z.message());
        }
        MailAccounts.Account account = account(z);
        accounts(exchange).remember(r.get("email"), account);
        exchange.setProperty(ACCOUNT, checked(r, account));
    }

    private static MailAccounts.Account account(ZohoResponse z) {
        JsonNode data = z.body() == null ? null : z.body().get("data");
        if (data != null && data.isArray()) {
            data = data.size() == 1 ? data.get(0) : null;
        }
        return data == null || !data.isObject() ? null : MailAccounts.account(data);
    }

    /** A record that names an account_id (or zuid) as well as an e-mail must name the same account. */
    private static MailAccounts.Account checked(InputRecord r, MailAccounts.Account a) {
        String id = r.get("account_id");
        String zuid = r.get("zuid");
        if ((id != null && !id.equals(a.accountId())) || (zuid != null && !zuid.equals(a.zuid()))) {
            throw new RecordException("ACCOUNT_MISMATCH", "the e-mail address '" + r.get("email") + "' belongs to account "
                    + a.accountId() + " (zuid " + a.zuid() + "), not to the account_id/zuid of this record");
        }
        return a;
    }

    private static MailAccounts accounts(Exchange exchange) {
        return exchange.getProperty(RunProperties.RUN, FileRun.class).lookups(MailAccounts.class);
    }
}
