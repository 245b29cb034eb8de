package com.zohoprovisioning;

import com.zohoprovisioning.pipeline.Feed;
import com.zohoprovisioning.pipeline.FeedDefinition;
import com.zohoprovisioning.pipeline.FeedRoutes;
import com.zohoprovisioning.pipeline.Feeds;
import com.zohoprovisioning.pipeline.FieldMapping;
import com.zohoprovisioning.pipeline.ReaderSettings;
import com.zohoprovisioning.pipeline.RecordOutcomes;
import com.zohoprovisioning.pipeline.RunStats;
import com.zohoprovisioning.pipeline.ZohoCallPool;
import com.zohoprovisioning.zoho.ZohoCallFailures;
import com.zohoprovisioning.zoho.ZohoEndpoints;
import com.zohoprovisioning.zoho.ZohoResponseParser;
import com.zohoprovisioning.zoho.ZohoTokenProvider;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Binds the beans the routes call, built from {@code config/application.properties} and its overrides. */
public class ProvisioningBeans implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Function<String, String> prop = k -> context.getPropertiesComponent().resolveProperty(k).orElse(null);
        Registry registry = context.getRegistry();
        String perMinute = prop.apply("zoho.max-per-minute");
        boolean noCap = perMinute == null || perMinute.isBlank() || Long.parseLong(perMinute.trim()) <= 0;
        context.getPropertiesComponent().addInitialProperty("zoho.throttle-disabled", String.valueOf(noCap));

        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
            logs.putProperty("maskPii", String.valueOf(Boolean.parseBoolean(or(prop.apply("provisioning.log.mask-pii"), "false"))));
        }
        EmbeddedSandbox.startIfWanted(context, prop);
        ZohoEndpoints endpoints = ZohoEndpoints.from(prop);
        context.addService(endpoints, true, true);
        registry.bind("zohoEndpoints", endpoints);
        ZohoTokenProvider tokens = ZohoEndpoints.tokenProvider(context, endpoints, prop);
        registry.bind("zohoTokens", tokens);
        tokens.deniedCooldownMs(Long.parseLong(or(prop.apply("zoho.token.denied-cooldown-ms"), "60000")));
        ZohoResponseParser parser = new ZohoResponseParser();
        registry.bind("zohoCallFailures", new ZohoCallFailures());
        registry.bind("zohoHttpClientConfigurer", new com.zohoprovisioning.zoho.ZohoHttpClientConfigurer());
        registry.bind("zohoTokenInvalidator", (Processor) tokens::invalidate);
        registry.bind("zohoRetryAfter", new com.zohoprovisioning.zoho.ZohoRetryAfter(
                Long.parseLong(or(prop.apply("zoho.retry.max-delay-ms"), "30000"))));

        registry.bind("cleanRequestHeaders", new com.zohoprovisioning.zoho.CleanRequestHeaders());
        com.zohoprovisioning.zoho.ZohoRetryBudget budget = new com.zohoprovisioning.zoho.ZohoRetryBudget(
                intProp(prop, "zoho.retry.max-redeliveries", 6),
                Long.parseLong(or(prop.apply("zoho.breaker.max-pause-ms"), "1800000")));
        registry.bind("zohoRetryBudget", budget);
        // The steps of every Zoho call (routes/zoho.yaml) as processors: a bean step costs a method look-up, argument
        // binding and a reflective call each time, and a call has a dozen steps.
        registry.bind("zohoAuthorize", (Processor) tokens::authorize);
        registry.bind("zohoRequest", (Processor) endpoints::request);
        registry.bind("zohoAnswer", (Processor) ex -> ex.getMessage().setBody(parser.answer(ex)));
        registry.bind("zohoCheck", (Processor) ex -> ex.getMessage().setBody(
                parser.check(ex.getMessage().getBody(com.zohoprovisioning.zoho.ZohoResponse.class))));
        ZohoCallPool pool = new ZohoCallPool(intProp(prop, "zoho.max-concurrent", 10));
        context.addService(pool, true, true);
        registry.bind("zohoCallPool", pool);

        RunStats stats = new RunStats();
        registry.bind("runStats", stats);
        Path configDir = Path.of(or(prop.apply("provisioning.config-dir"), "config"));
        // the feeds: every Feed class under com.zohoprovisioning.feeds; each binds the beans its routes call
        Map<String, FeedDefinition> feeds = new LinkedHashMap<>();
        java.util.List<Feed> found = Feeds.discover(context);
        for (Feed feed : found) {
            feeds.put(feed.name(), new FeedDefinition(feed.name(), feed.requiredColumns(), feed.keyField(), feed.sameKey(),
                    FieldMapping.forFeed(feed, configDir, prop), reader(prop, feed.name())));
            feed.bind(registry, prop);
        }
        registry.bind("feeds", feeds);
        registry.bind("feedRoutes", new FeedRoutes(found));
        context.getPropertiesComponent().addInitialProperty("provisioning.feeds", String.join(",", feeds.keySet()));
        // A file's steps (routes/pipeline.yaml, error-handling.yaml)
        Path workDir = Path.of(or(prop.apply("work.dir"), "work"));
        registry.bind("fileOpener", new com.zohoprovisioning.pipeline.FileOpener(workDir, feeds,
                Boolean.parseBoolean(or(prop.apply("provisioning.dry-run"), "false"))));
        registry.bind("lookupLeftovers", new com.zohoprovisioning.pipeline.LookupLeftovers());
        com.zohoprovisioning.pipeline.OutcomeRecorder recorder = new com.zohoprovisioning.pipeline.OutcomeRecorder(
                intProp(prop, "provisioning.progress-seconds", 5),
                new com.zohoprovisioning.pipeline.RunawayGuard(intProp(prop, "provisioning.runaway.max-consecutive-failures", 25),
                        intProp(prop, "provisioning.runaway.first-records", 100),
                        intProp(prop, "provisioning.runaway.max-error-percent", 0)));
        registry.bind("recordStream", new com.zohoprovisioning.pipeline.RecordStream(recorder));
        registry.bind("fileCloser", new com.zohoprovisioning.pipeline.FileCloser());
        registry.bind("filePublisher", new com.zohoprovisioning.pipeline.FilePublisher(workDir, stats));
        registry.bind("unfinishedFiles", new com.zohoprovisioning.pipeline.UnfinishedFiles(workDir, stats));
        registry.bind("zohoCallSending", (Processor) recorder::sending);
        RecordOutcomes outcomes = new RecordOutcomes();
        registry.bind("recordOutcomes", outcomes);
        registry.bind("recordFailed", (Processor) outcomes::fromException);

        // The steps every record takes (routes/<feed>.yaml), as processors like the Zoho call's steps
        com.zohoprovisioning.pipeline.RecordStart recordStart = new com.zohoprovisioning.pipeline.RecordStart();
        registry.bind("recordStart", (Processor) recordStart::start);
        registry.bind("recordHeld", (Processor) recordStart::held);
        registry.bind("recordOutcome", (Processor) outcomes::fromResponse);

        com.zohoprovisioning.ops.ProvisioningMetrics metrics = new com.zohoprovisioning.ops.OpsBeans().configure(context, prop, tokens,
                java.util.List.copyOf(feeds.keySet()));
        // a record's last step: its result line (journal, then success/ or error/), then its count
        registry.bind("recordResult", (Processor) ex -> {
            recorder.write(ex);
            metrics.record(ex);
        });
    }

    private static ReaderSettings reader(Function<String, String> prop, String feed) {
        ReaderSettings d = ReaderSettings.defaults();
        String p = "provisioning." + feed + ".";
        return new ReaderSettings(
                or(prop.apply(p + "charset"), or(prop.apply("provisioning.charset"), d.charset())),
                or(prop.apply(p + "fallback-charset"), or(prop.apply("provisioning.fallback-charset"), d.fallbackCharset())),
                or(prop.apply(p + "delimiter"), or(prop.apply("provisioning.delimiter"), d.delimiter())),
                intProp(prop, "provisioning.max-field-chars", d.maxFieldChars()),
                Long.parseLong(or(prop.apply("provisioning.max-file-bytes"), String.valueOf(d.maxFileBytes()))),
                intProp(prop, "provisioning.max-columns", d.maxColumns()),
                Long.parseLong(or(prop.apply("provisioning.max-records"), String.valueOf(d.maxRecords()))));
    }

    static int intProp(Function<String, String> prop, String key, int fallback) {
        String v = prop.apply(key);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    private static String or(String v, String d) {
        return v == null || v.isBlank() ? d : v.trim();
    }
}
