package com.zohoprovisioning.pipeline;

import org.apache.camel.Ordered;
import org.apache.camel.builder.RouteBuilder;

import java.util.List;

/**
 * The routes of every discovered feed: its own ({@code <feed>.yaml} in its folder: lookups and record route), the
 * attempts and guards of each Zoho API they call ({@code routes/zoho.yaml}), and the shared ones made from the templates of {@code routes/pipeline.yaml} and {@code routes/ops.yaml}: its inbox,
 * its file processing, its SFTP source and result upload, its scheduled download (the last three exist only when the
 * feed's settings ask for them). Added after the YAML of {@code routes/} (lowest order), so that the templates and
 * the error handling's route configurations exist.
 */
public class FeedRoutes extends RouteBuilder implements Ordered {

    static final List<String> TEMPLATES = List.of("inbox", "process-file", "sftp-source", "sftp-results", "https-download");
    private static final List<String> ROUTE_SUFFIXES = List.of("inbox", "process-file", "sftp", "sftp-results", "download");

    private final List<Feed> feeds;
    private final java.util.Set<String> apis;

    /** {@code apis}: the Zoho APIs the feeds' routes call ({@link Feeds#apis}). */
    public FeedRoutes(List<Feed> feeds, java.util.Set<String> apis) {
        this.feeds = List.copyOf(feeds);
        this.apis = java.util.Set.copyOf(apis);
    }

    @Override
    public void addRoutesToCamelContext(org.apache.camel.CamelContext context) throws Exception {
        for (Feed feed : feeds) {
            Feeds.loadRoutes(context, feed);
        }
        super.addRoutesToCamelContext(context);
    }

    @Override
    public void configure() {
        // each Zoho API the feeds call: its attempts (retries) and its guards (throttle, calls in flight, breaker)
        for (String api : apis) {
            templatedRoute("zoho-attempts").routeId("zoho-attempts-" + api).parameter("api", api);
            templatedRoute("zoho-api").routeId("zoho-send-" + api).parameter("api", api);
        }
        for (String feed : feeds.stream().map(Feed::name).toList()) {
            for (int i = 0; i < TEMPLATES.size(); i++) {
                templatedRoute(TEMPLATES.get(i)).routeId(feed + "-" + ROUTE_SUFFIXES.get(i)).parameter("feed", feed);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST;
    }
}
