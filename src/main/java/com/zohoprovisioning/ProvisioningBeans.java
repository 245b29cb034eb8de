package com.zohoprovisioning;

import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.config.UnknownSettings;
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

/** Binds the beans the routes call, built from {@code config/application.properties} and its overrides. */
public class ProvisioningBeans implements CamelConfiguration {

    private final Map<String, String> arguments;

    public ProvisioningBeans() {
        this(Map.of());
    }

    /** {@code arguments}: settings given as {@code -Dkey=value} after the jar, each with where it came from. */
    public ProvisioningBeans(Map<String, String> arguments) {
        this.arguments = Map.copyOf(arguments);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = Settings.of(context);
        Registry registry = context.getRegistry();
        // the feeds: every Feed class under com.zohoprovisioning.feeds. A misspelled setting stops the start here,
        // before anything is bound or any route can take a file.
        java.util.List<Feed> found = Feeds.discover(context);
        java.util.Set<String> apis = found.stream().flatMap(f -> Feeds.apis(f).stream())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        UnknownSettings.of(found.stream().map(Feed::name).toList(), apis)
                .check(UnknownSettings.given(System.getProperties(), arguments,
                        context.getPropertiesComponent().getLocations(), RouteRuns.secretsFile(), System.getenv()));
        WorkFolder.check(Path.of(settings.text("work.dir")));
        boolean noCap = settings.longNumber("zoho.max-per-minute") <= 0;
        context.getPropertiesComponent().addInitialProperty("zoho.throttle-disabled", String.valueOf(noCap));

        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
            logs.putProperty("maskPii", String.valueOf(settings.bool("provisioning.log.mask-pii")));
        }
        // stand-ins for Zoho found on the class path (the sandbox, when zoho.mode=sandbox): they set the Zoho settings
        for (CamelConfiguration standIn : java.util.ServiceLoader.load(CamelConfiguration.class, getClass().getClassLoader())) {
            standIn.configure(context);
        }
        ZohoEndpoints endpoints = ZohoEndpoints.from(settings);
        context.addService(endpoints, true, true);
        registry.bind("zohoEndpoints", endpoints);
        ZohoTokenProvider tokens = ZohoEndpoints.tokenProvider(context, endpoints, settings);
        registry.bind("zohoTokens", tokens);
        tokens.deniedCooldownMs(settings.longNumber("zoho.token.denied-cooldown-ms"));
        ZohoResponseParser parser = new ZohoResponseParser();
        registry.bind("zohoCallFailures", new ZohoCallFailures(endpoints));
        registry.bind("zohoHttpClientConfigurer", new com.zohoprovisioning.zoho.ZohoHttpClientConfigurer());
        registry.bind("zohoTokenInvalidator", (Processor) tokens::invalidate);
        registry.bind("zohoRetryAfter", new com.zohoprovisioning.zoho.ZohoRetryAfter(
                settings.longNumber("zoho.retry.max-delay-ms")));

        registry.bind("cleanRequestHeaders", new com.zohoprovisioning.zoho.CleanRequestHeaders());
        com.zohoprovisioning.zoho.ZohoRetryBudget budget = new com.zohoprovisioning.zoho.ZohoRetryBudget(
                settings.integer("zoho.retry.max-redeliveries"),
                settings.longNumber("zoho.breaker.max-pause-ms"));
        registry.bind("zohoRetryBudget", budget);
        // The steps of every Zoho call (routes/zoho.yaml) as processors: a bean step costs a method look-up, argument
        // binding and a reflective call each time, and a call has a dozen steps.
        registry.bind("zohoAuthorize", (Processor) tokens::authorize);
        registry.bind("zohoRequest", (Processor) endpoints::request);
        // the most credits Zoho reported left are kept per target: a rehearsal's budget is not the org's
        com.zohoprovisioning.zoho.ZohoCredits credits = com.zohoprovisioning.zoho.ZohoCredits.from(settings,
                endpoints.sandboxMode() ? "sandbox" : endpoints.accountsUrl());
        registry.bind("zohoCredits", credits);
        registry.bind("zohoCreditCheck", (Processor) credits::check);
        registry.bind("zohoCreditSettled", (Processor) credits::settled);
        registry.bind("zohoCheck", (Processor) ex -> ex.getMessage().setBody(
                parser.check(ex.getMessage().getBody(com.zohoprovisioning.zoho.ZohoResponse.class),
                        com.zohoprovisioning.zoho.ZohoCall.of(ex), credits)));
        com.zohoprovisioning.zoho.ZohoLimits limits = com.zohoprovisioning.zoho.ZohoLimits.from(settings, apis);
        registry.bind("zohoLimits", limits);
        registry.bind("zohoLimitAcquire", (Processor) limits::acquire);
        registry.bind("zohoLimitRelease", (Processor) limits::release);
        ZohoCallPool pool = new ZohoCallPool(limits.threads(settings));
        context.addService(pool, true, true);
        registry.bind("zohoCallPool", pool);

        RunStats stats = new RunStats();
        registry.bind("runStats", stats);
        Path configDir = Path.of(settings.text("provisioning.config-dir"));
        // each feed binds the beans its routes call
        Map<String, FeedDefinition> feeds = new LinkedHashMap<>();
        Map<String, com.zohoprovisioning.pipeline.RosterSettings> rosters = new LinkedHashMap<>();
        for (Feed feed : found) {
            feeds.put(feed.name(), new FeedDefinition(feed.name(), feed.requiredColumns(), feed.keyField(), feed.sameKey(),
                    FieldMapping.forFeed(feed, configDir, settings), ReaderSettings.from(settings, feed.name())));
            feed.bind(registry, settings);
            com.zohoprovisioning.pipeline.RosterSettings roster = com.zohoprovisioning.pipeline.RosterSettings.of(settings,
                    feed.name(), feed.roster());
            if (roster.roster() && !feed.roster()) {
                throw new com.zohoprovisioning.config.ConfigurationException("provisioning." + feed.name()
                        + ".mode=roster: feed " + feed.name() + " has no roster mode (user feeds have it: "
                        + String.join(", ", found.stream().filter(Feed::roster).map(Feed::name).toList()) + ")");
            }
            rosters.put(feed.name(), roster);
        }
        registry.bind("feeds", feeds);
        registry.bind("feedRoutes", new FeedRoutes(found, apis));
        context.getPropertiesComponent().addInitialProperty("provisioning.feeds", String.join(",", feeds.keySet()));
        // A file's steps (routes/pipeline.yaml, error-handling.yaml)
        Path workDir = Path.of(settings.text("work.dir"));
        com.zohoprovisioning.pipeline.OutputFiles.groupReadable(settings.bool("provisioning.output-group-readable"));
        registry.bind("fileOpener", new com.zohoprovisioning.pipeline.FileOpener(workDir, feeds,
                settings.bool("provisioning.dry-run"), settings.bool("provisioning.results-bom"),
                settings.bool("provisioning.follow-symlinks")));
        // inputs named in bytes the file-name encoding cannot read: rejected, by the consumer and by --once alike
        com.zohoprovisioning.pipeline.UnreadableNames unreadable = new com.zohoprovisioning.pipeline.UnreadableNames(
                workDir, stats);
        registry.bind("unreadableNames", unreadable);
        registry.bind("inboxFilter", new com.zohoprovisioning.pipeline.InboxFilter<>(unreadable));
        registry.bind("lookupLeftovers", new com.zohoprovisioning.pipeline.LookupLeftovers());
        com.zohoprovisioning.pipeline.OutcomeRecorder recorder = new com.zohoprovisioning.pipeline.OutcomeRecorder(
                settings.integer("provisioning.progress-seconds"), credits,
                new com.zohoprovisioning.pipeline.RunawayGuard(settings.integer("provisioning.runaway.max-consecutive-failures"),
                        settings.integer("provisioning.runaway.first-records"),
                        settings.integer("provisioning.runaway.max-error-percent")));
        // the result lines' reordering buffer is bounded by the records that can be in flight: the pool's threads
        // roster mode (provisioning.<feed>.mode=roster): the look ahead and guard, then the leavers after the rows
        registry.bind("rosterPlanner", new com.zohoprovisioning.pipeline.RosterPlanner(rosters));
        com.zohoprovisioning.pipeline.RosterLeavers leavers = new com.zohoprovisioning.pipeline.RosterLeavers(
                Path.of(settings.text("work.dir")), recorder);
        registry.bind("rosterLeavers", leavers);
        registry.bind("leaverStart", (Processor) leavers::start);
        registry.bind("leaverResult", (Processor) leavers::result);
        registry.bind("recordStream", new com.zohoprovisioning.pipeline.RecordStream(recorder, limits.threads(settings)));
        registry.bind("fileCloser", new com.zohoprovisioning.pipeline.FileCloser());
        // the repeat check: files finished for real, by content, in <work.dir>/.state/processed-<feed>.tsv
        com.zohoprovisioning.pipeline.ProcessedFiles processed = new com.zohoprovisioning.pipeline.ProcessedFiles(workDir,
                com.zohoprovisioning.pipeline.ProcessedFiles.parseWindow("provisioning.repeat-window",
                        settings.text("provisioning.repeat-window")));
        registry.bind("repeatedFiles", new com.zohoprovisioning.pipeline.RepeatedFiles(processed));
        registry.bind("filePublisher", new com.zohoprovisioning.pipeline.FilePublisher(workDir, stats, processed, limits));
        // service mode: a file held for Zoho's API credits goes back into its inbox by itself once they may be back
        com.zohoprovisioning.pipeline.HeldResumer resumer = null;
        if (!settings.bool("provisioning.once")) {
            resumer = new com.zohoprovisioning.pipeline.HeldResumer(workDir);
            context.addService(resumer, true, true);
        }
        registry.bind("unfinishedFiles", new com.zohoprovisioning.pipeline.UnfinishedFiles(workDir, stats, resumer));
        // a file's notice (the onPrepare of the wireTap steps to seda:notify; routes/notify.yaml sends it)
        com.zohoprovisioning.pipeline.FileNotices notices = new com.zohoprovisioning.pipeline.FileNotices(workDir);
        registry.bind("fileNotices", notices);
        registry.bind("heldNotice", (Processor) notices::held);
        registry.bind("finishedNotice", (Processor) notices::finished);
        registry.bind("rejectedNotice", (Processor) notices::rejected);
        registry.bind("zohoCallSending", (Processor) recorder::sending);
        // the body becomes the ZohoResponse; the credits Zoho reports left are noted for the reserve and the file's summary
        registry.bind("zohoAnswer", (Processor) ex -> {
            Long left = credits.seen(ex);
            if (left != null) {
                recorder.creditsReported(ex, left);
            }
            ex.getMessage().setBody(parser.answer(ex));
        });
        RecordOutcomes outcomes = new RecordOutcomes();
        registry.bind("recordOutcomes", outcomes);
        registry.bind("recordFailed", (Processor) outcomes::fromException);

        // The steps every record takes (routes/<feed>.yaml), as processors like the Zoho call's steps
        com.zohoprovisioning.pipeline.RecordStart recordStart = new com.zohoprovisioning.pipeline.RecordStart();
        registry.bind("recordStart", (Processor) recordStart::start);
        registry.bind("recordHeld", (Processor) recordStart::held);
        registry.bind("recordOutcome", (Processor) outcomes::fromResponse);

        com.zohoprovisioning.ops.ProvisioningMetrics metrics = new com.zohoprovisioning.ops.OpsBeans().configure(context, settings, tokens,
                java.util.List.copyOf(feeds.keySet()));
        // two instances on one work folder (cluster.enabled): only the leader's consumers take work (cluster.leader-only
        // before each of them in routes/pipeline.yaml and ops.yaml); its role in the readiness check and a metric
        com.zohoprovisioning.cluster.ClusterRole role = com.zohoprovisioning.cluster.ClusterSetup.configure(context,
                settings, workDir);
        if (role != null) {
            registry.bind("clusterHealthCheck", role);
            role.onChange(metrics::clusterRole);
        }
        metrics.limits(limits);
        // a record's last step: its result line (journal, then success/ or error/), then its count
        registry.bind("recordResult", (Processor) ex -> {
            recorder.write(ex);
            metrics.record(ex);
        });
    }
}
