package com.zohoprovisioning;

import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.zoho.ZohoResponse;
import com.zohoprovisioning.zoho.ZohoTokenProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;

import com.zohoprovisioning.pipeline.Feed;
import com.zohoprovisioning.pipeline.Feeds;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code check}: the credentials alone, no file taken. With the Camel context started but no route but Zoho's own
 * (the token route and the zoho: component's attempts), it gets a token, says which data centre / API domain it
 * reached, then makes each feed's reads (the first page of every list its lookups read, as the feed declares them:
 * GETs through the same zoho: component the routes use) and prints OK or Zoho's status, code and message per feed
 * (a missing scope shows as OAUTH_SCOPE_MISMATCH).
 */
final class CredentialsCheck {

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
                RunTarget.live(settings) ? TokenUser.email(context, feeds(context, settings)) : null);
        out.println("token: OK, " + target);
        int failed = 0;
        try (ProducerTemplate template = context.createProducerTemplate()) {
            for (Feed feed : feeds(context, settings)) {
                List<Feed.Probe> probes;
                try {
                    probes = feed.probes(settings);
                } catch (IllegalStateException e) {
                    out.println(feed.name() + ": FAILED " + e.getMessage());
                    failed++;
                    continue;
                }
                if (probes.isEmpty()) {
                    out.println(feed.name() + ": no check known for this feed (skipped)");
                    continue;
                }
                String problem = null;
                for (Feed.Probe probe : probes) {
                    problem = problem != null ? problem : read(template, probe);
                }
                String calls = probes.stream().map(Feed.Probe::call).collect(Collectors.joining(", "));
                out.println(feed.name() + (problem == null ? ": OK (" + calls + ")" : ": FAILED " + problem));
                failed += problem == null ? 0 : 1;
            }
        }
        out.println(failed == 0 ? "check: OK" : "check: " + failed + " feed(s) FAILED");
        return failed == 0 ? 0 : 1;
    }

    /** The feeds of provisioning.feeds, in its order. */
    static List<Feed> feeds(CamelContext context, Settings settings) {
        Map<String, Feed> byName = Feeds.discover(context).stream().collect(Collectors.toMap(Feed::name, f -> f));
        return settings.list("provisioning.feeds").stream().map(byName::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Null when Zoho answered the read, else what went wrong and the call. */
    private static String read(ProducerTemplate template, Feed.Probe probe) {
        String uri = "zoho:" + probe.api() + "?method=GET&path=RAW(" + probe.path() + ")"
                + (probe.query() == null ? "" : "&query=RAW(" + probe.query() + ")");
        Exchange answer = template.request(uri, e -> { });
        ZohoResponse r = answer.getException() == null ? answer.getMessage().getBody(ZohoResponse.class) : null;
        if (r != null && r.success()) {
            return null;
        }
        return (r != null ? "HTTP " + r.httpStatus() + " " + r.code() + ": " + r.message()
                : String.valueOf(answer.getException().getMessage())) + " (" + probe.call() + ")";
    }
}
