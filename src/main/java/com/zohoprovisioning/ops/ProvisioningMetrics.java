package com.zohoprovisioning.ops;

import com.zohoprovisioning.pipeline.RecordOutcome;
import com.zohoprovisioning.pipeline.RunProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The provisioning counters, in the Micrometer registry that Camel's metrics publish on the management port
 * ({@code /observe/metrics}): records by feed, outcome and code; files by feed and outcome; Zoho API calls by API,
 * endpoint and HTTP status with their latency; the time of each feed's last successful file. Called from the
 * routes (pipeline.yaml, zoho.yaml, error-handling.yaml); does nothing when metrics are switched off.
 */
public class ProvisioningMetrics {

    private final CamelContext context;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> clusterRoles = new ConcurrentHashMap<>();
    /** The meters of the per-record and per-call paths, by their tags: a registry look-up costs more than a map's. */
    private final Map<String, Counter> recordCounters = new ConcurrentHashMap<>();
    private final Map<String, Timer> callTimers = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;
    private volatile boolean looked;
    private volatile com.zohoprovisioning.zoho.ZohoLimits limits;
    private volatile boolean limitGauges;

    public ProvisioningMetrics(CamelContext context) {
        this.context = context;
    }

    /** The calls in flight each API allows: a gauge per API, {@code zoho_provisioning_api_concurrency_limit}. */
    public void limits(com.zohoprovisioning.zoho.ZohoLimits l) {
        this.limits = l;
    }

    private void limitGauges(MeterRegistry r) {
        if (limitGauges || limits == null) {
            return;
        }
        limitGauges = true;
        limits.all().values().forEach(l -> io.micrometer.core.instrument.Gauge.builder(
                        "zoho.provisioning.api.concurrency.limit", l, com.zohoprovisioning.zoho.AdaptiveLimit::limit)
                .description("Zoho calls in flight the API allows now (found while running when auto)")
                .tag("api", l.api()).tag("mode", l.isAuto() ? "auto" : "pinned").register(r));
    }

    /** After one record's result line is written. */
    public void record(Exchange exchange) {
        MeterRegistry r = registry();
        RecordOutcome o = exchange.getProperty(RunProperties.OUTCOME, RecordOutcome.class);
        if (r == null || o == null) {
            return;
        }
        String feed = feed(exchange);
        String outcome = o.success() ? "success" : "error";
        String code = o.success() || o.code() == null ? "" : o.code();
        recordCounters.computeIfAbsent(feed + '\n' + outcome + '\n' + code, k -> r.counter("zoho.provisioning.records",
                "feed", feed, "outcome", outcome, "code", code)).increment();
    }

    /** After a file is finished (results, summary and archive written). */
    public void fileDone(Exchange exchange) {
        file(exchange, "done");
        MeterRegistry r = registry();
        if (r == null) {
            return;
        }
        String feed = feed(exchange);
        AtomicLong last = lastSuccess.computeIfAbsent(feed, f -> r.gauge("zoho.provisioning.last.success.time.seconds",
                io.micrometer.core.instrument.Tags.of("feed", f), new AtomicLong()));
        last.set(System.currentTimeMillis() / 1000);
    }

    /** After a file is moved to rejected/. */
    public void fileRejected(Exchange exchange) {
        file(exchange, "rejected");
    }

    private void file(Exchange exchange, String outcome) {
        MeterRegistry r = registry();
        if (r != null) {
            r.counter("zoho.provisioning.files", "feed", feed(exchange), "outcome", outcome).increment();
        }
    }

    /** Just before one HTTP attempt to Zoho. */
    public void callStarted(Exchange exchange) {
        com.zohoprovisioning.zoho.ZohoCall call = com.zohoprovisioning.zoho.ZohoCall.of(exchange);
        if (call != null) {
            call.attemptStarted(System.nanoTime());
        }
    }

    /** Just after one HTTP attempt to Zoho answered. */
    public void callEnded(Exchange exchange) {
        MeterRegistry r = registry();
        com.zohoprovisioning.zoho.ZohoCall call = com.zohoprovisioning.zoho.ZohoCall.of(exchange);
        if (r == null || call == null) {
            return;
        }
        limitGauges(r);
        long nanos = System.nanoTime() - call.attemptStartedNanos();
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String api = call.api();
        String endpoint = call.endpoint();
        String code = status == null ? "none" : String.valueOf(status);
        callTimers.computeIfAbsent(api + '\n' + endpoint + '\n' + code,
                k -> Timer.builder("zoho.provisioning.api.calls")
                        .description("Zoho API calls (each attempt, retries included) and their latency")
                        .tag("api", api).tag("endpoint", endpoint).tag("status", code)
                        .register(r)).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static String feed(Exchange exchange) {
        String f = exchange.getProperty(RunProperties.FEED, String.class);
        return f == null ? "unknown" : f;
    }

    /** The cluster role of this instance in a namespace: the gauge zoho_provisioning_cluster_leader (1 or 0). */
    public void clusterRole(String namespace, boolean leader) {
        MeterRegistry r = registry();
        if (r == null) {
            return;
        }
        clusterRoles.computeIfAbsent(namespace, ns -> {
            AtomicLong role = new AtomicLong();
            io.micrometer.core.instrument.Gauge.builder("zoho.provisioning.cluster.leader", role, AtomicLong::get)
                    .description("1 while this instance is the leader of the cluster namespace (takes the work), 0 on"
                            + " standby").tag("namespace", ns).register(r);
            return role;
        }).set(leader ? 1 : 0);
    }

    private MeterRegistry registry() {
        if (!looked) {
            Set<MeterRegistry> found = context.getRegistry().findByType(MeterRegistry.class);
            registry = found.size() == 1 ? found.iterator().next()
                    : context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
            looked = registry != null || context.isStarted();
        }
        return registry;
    }
}
