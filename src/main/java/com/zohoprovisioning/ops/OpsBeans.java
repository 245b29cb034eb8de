package com.zohoprovisioning.ops;

import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.zoho.ZohoTokenProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

import java.nio.file.Path;
import java.util.Map;

/**
 * The beans of the operations routes (routes/ops.yaml): remote sources, cron schedulers, metrics, health.
 * Called from {@code ProvisioningBeans}; binds nothing a feed without SFTP, download or cron needs.
 */
public final class OpsBeans {

    /** Remote files already fetched, by feed, name, size and modification time (survives restarts). */
    public static final String FETCHED = "sftpFetched";
    /** Result files already uploaded, by feed, path, size and modification time (survives restarts). */
    public static final String UPLOADED = "sftpUploaded";

    /** Binds the operations beans; returns the metrics, which a record's last step also counts. */
    public ProvisioningMetrics configure(CamelContext context, Settings config, ZohoTokenProvider tokens,
                                         java.util.List<String> feeds) {
        Registry registry = context.getRegistry();
        OpsSettings settings = new OpsSettings(config, feeds);
        PropertiesComponent pc = context.getPropertiesComponent();
        for (Map.Entry<String, String> e : settings.derived().entrySet()) {
            pc.addInitialProperty(e.getKey(), e.getValue());
        }
        for (String feed : settings.feeds()) {
            bindCron(registry, OpsSettings.inboxCronBean(feed), settings.cron("provisioning." + feed + ".cron"), settings);
            bindCron(registry, OpsSettings.sftpCronBean(feed), settings.cron("sftp." + feed + ".cron"), settings);
        }
        Path state = Path.of(config.text("work.dir")).resolve(".state");
        int size = config.integer("sftp.remembered-files");
        registry.bind(FETCHED, FileIdempotentRepository.fileIdempotentRepository(
                state.resolve("sftp-fetched.dat").toFile(), size, 64L * 1024 * 1024));
        registry.bind(UPLOADED, FileIdempotentRepository.fileIdempotentRepository(
                state.resolve("sftp-uploaded.dat").toFile(), size, 64L * 1024 * 1024));
        registry.bind("remotePolls", new RemotePolls());
        // sftp: URIs of routes/ops.yaml: absolute folders stay absolute, a configured folder is never created
        registry.bind("sftp", new PartnerSftpComponent());
        // notifications (routes/notify.yaml): on when notify.email.host or notify.webhook.url is set
        NotifySettings notify = new NotifySettings(config);
        notify.derived().forEach(pc::addInitialProperty);
        registry.bind("notifyMailLogin", notify.login());
        registry.bind("notifyFailed", (org.apache.camel.Processor) new NotifyFailures(
                config.integer("notify.retry.max-redeliveries") + 1)::log);
        if (notify.email() || notify.webhook()) {
            org.slf4j.LoggerFactory.getLogger(NotifySettings.class).info(notify.describe());
        }
        ProvisioningMetrics metrics = new ProvisioningMetrics(context);
        registry.bind("provisioningMetrics", metrics);
        registry.bind("zohoCallTimerStart", (org.apache.camel.Processor) metrics::callStarted);
        registry.bind("zohoCallTimerStop", (org.apache.camel.Processor) metrics::callEnded);
        registry.bind("zohoTokenHealthCheck", new ZohoTokenHealthCheck(tokens));
        try {
            context.addStartupListener(OpsBeans::routeEventsOnly);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return metrics;
    }

    /**
     * Camel's route event notifier (the {@code camel_routes_*} gauges) wants route events only, yet it does not say
     * so: Camel then builds and hands it an event for every exchange created and every message sent to an endpoint,
     * a dozen per record. Once no notifier wants exchange events, Camel is told not to announce them at all (a
     * notifier added later turns them back on).
     */
    static void routeEventsOnly(CamelContext context, boolean alreadyStarted) {
        boolean exchangeEvents = false;
        for (var notifier : context.getManagementStrategy().getEventNotifiers()) {
            if (notifier instanceof org.apache.camel.component.micrometer.eventnotifier.MicrometerRouteEventNotifier) {
                notifier.setIgnoreExchangeEvents(true);
            }
            exchangeEvents |= !notifier.isIgnoreExchangeEvents() && !notifier.isDisabled();
        }
        if (!exchangeEvents) {
            context.getCamelContextExtension().setEventNotificationApplicable(false);
        }
    }

    private static void bindCron(Registry registry, String name, String cron, OpsSettings settings) {
        if (cron == null || cron.isBlank() || settings.once()) {
            return;
        }
        QuartzScheduledPollConsumerScheduler s = new QuartzScheduledPollConsumerScheduler();
        s.setCron(cron.trim());
        registry.bind(name, s);
    }
}
