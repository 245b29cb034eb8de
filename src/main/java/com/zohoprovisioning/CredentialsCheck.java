package com.zohoprovisioning;

import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.zoho.ZohoResponse;
import com.zohoprovisioning.zoho.ZohoTokenProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;

import java.io.PrintStream;

/**
 * {@code check}: the credentials alone, no file taken. With the Camel context started but no route but Zoho's own
 * (the token route and the zoho: component's attempts), it gets a token, says which data centre / API domain it
 * reached, then makes the first lookup of each feed (a GET, through the same zoho: component the routes use) and
 * prints OK or Zoho's status, code and message per feed (a missing scope shows as OAUTH_SCOPE_MISMATCH); a user feed
 * in roster mode gets a second line for its org lookup (the primary contact).
 */
final class CredentialsCheck {

    /** One feed's check call: the API and the path (GET) of its first lookup. */
    record Lookup(String api, String path, String query) {
    }

    private final CamelContext context;
    private final PrintStream out;

    CredentialsCheck(CamelContext context, PrintStream out) {
        this.context = context;
        this.out = out;
    }

    /** 0 when the token and every feed's lookup succeed, 1 otherwise (a token failure is thrown). */
    int run() throws Exception {
        for (Route r : context.getRoutes()) {
            if (r.getRouteId().startsWith("zoho-")) {
                context.getRouteController().startRoute(r.getRouteId());
            }
        }
        Settings settings = Settings.of(context);
        ZohoTokenProvider tokens = context.getRegistry().lookupByNameAndType("zohoTokens", ZohoTokenProvider.class);
        tokens.verify();
        String target = RunTarget.describe(settings, tokens.apiBase(), context.getRegistry().lookupByName("zohoSandbox") != null,
                RunTarget.live(settings) ? TokenUser.email(context, settings.list("provisioning.feeds")) : null);
        out.println("token: OK, " + target);
        int failed = 0;
        try (ProducerTemplate template = context.createProducerTemplate()) {
            for (String feed : settings.list("provisioning.feeds")) {
                Lookup lookup;
                try {
                    lookup = lookup(feed, settings);
                } catch (IllegalStateException e) {
                    out.println(feed + ": FAILED " + e.getMessage());
                    failed++;
                    continue;
                }
                if (lookup == null) {
                    out.println(feed + ": no check known for this feed (skipped)");
                    continue;
                }
                int feedFailed = call(template, feed, lookup);
                Lookup org = rosterLookup(feed, settings);
                if (org != null) {
                    feedFailed |= call(template, feed + " (roster)", org);
                }
                failed += feedFailed;
            }
        }
        out.println(failed == 0 ? "check: OK" : "check: " + failed + " feed(s) FAILED");
        return failed == 0 ? 0 : 1;
    }

    /** One lookup GET and its line: OK, or Zoho's status, code and message. 0 when it passed, 1 when it failed. */
    private int call(ProducerTemplate template, String label, Lookup lookup) {
        String call = "GET " + lookup.path() + (lookup.query() == null ? "" : "?" + lookup.query());
        String uri = "zoho:" + lookup.api() + "?method=GET&path=RAW(" + lookup.path() + ")"
                + (lookup.query() == null ? "" : "&query=RAW(" + lookup.query() + ")");
        Exchange answer = template.request(uri, e -> { });
        ZohoResponse r = answer.getException() == null ? answer.getMessage().getBody(ZohoResponse.class) : null;
        if (r != null && r.success()) {
            out.println(label + ": OK (" + call + ")");
            return 0;
        }
        out.println(label + ": FAILED " + (r != null ? "HTTP " + r.httpStatus() + " " + r.code() + ": " + r.message()
                : String.valueOf(answer.getException().getMessage())) + " (" + call + ")");
        return 1;
    }

    /**
     * A user feed in roster mode ({@code provisioning.<feed>.mode=roster}) also reads the org, for its primary contact
     * (a scope of its own: {@code ZohoCRM.org.READ}, {@code ZohoBigin.org.READ}); null for any other feed.
     */
    static Lookup rosterLookup(String feed, Settings settings) {
        if (!settings.optionalText("provisioning." + feed + ".mode").map(m -> m.trim().equalsIgnoreCase("roster"))
                .orElse(false)) {
            return null;
        }
        return switch (feed) {
            case "bigin-users" -> new Lookup("bigin", "/bigin/v1/org", null);
            case "crm-users" -> new Lookup("crm", "/crm/v6/org", null);
            default -> null;
        };
    }

    /**
     * The first lookup of the feed's API: roles for Bigin and CRM, one account of the organisation for Mail. Null for
     * a feed of an API not known here.
     */
    static Lookup lookup(String feed, Settings settings) {
        if (feed.startsWith("bigin-")) {
            return new Lookup("bigin", "/bigin/v1/settings/roles", null);
        }
        if (feed.startsWith("crm-")) {
            return new Lookup("crm", "/crm/v6/settings/roles", null);
        }
        if (feed.startsWith("mail-")) {
            String zoid = settings.optionalText("mail.zoid").orElse(null);
            if (zoid == null) {
                throw new IllegalStateException("mail.zoid is not set (the organisation id: Mail admin console)");
            }
            return new Lookup("mail", "/api/organization/" + zoid.trim() + "/accounts", "start=0&limit=1");
        }
        return null;
    }
}
