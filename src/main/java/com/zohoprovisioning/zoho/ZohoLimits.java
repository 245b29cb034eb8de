package com.zohoprovisioning.zoho;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;
import org.apache.camel.Exchange;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The calls in flight each Zoho API allows ({@link AdaptiveLimit}), from {@code zoho.<api>.max-concurrent} (default
 * {@code zoho.max-concurrent}): {@code auto} (found while running, at most {@code zoho.max-concurrent-ceiling}) or a
 * number (pinned). The steps {@code zohoLimitAcquire} and {@code zohoLimitRelease} of {@code routes/zoho.yaml} hold a
 * place around each attempt.
 */
public final class ZohoLimits {

    public static final String AUTO = "auto";

    private final Map<String, AdaptiveLimit> byApi;

    public ZohoLimits(Map<String, AdaptiveLimit> byApi) {
        this.byApi = Collections.unmodifiableMap(new LinkedHashMap<>(byApi));
    }

    public static ZohoLimits from(Settings settings, Collection<String> apis) {
        int ceiling = settings.integer("zoho.max-concurrent-ceiling");
        String all = settings.text("zoho.max-concurrent");
        Map<String, AdaptiveLimit> limits = new LinkedHashMap<>();
        for (String api : apis) {
            String own = "zoho." + api + ".max-concurrent";
            java.util.Optional<String> v = settings.optionalText(own);
            limits.put(api, parse(v.isPresent() ? own : "zoho.max-concurrent", v.orElse(all), api, ceiling));
        }
        return new ZohoLimits(limits);
    }

    private static AdaptiveLimit parse(String key, String value, String api, int ceiling) {
        if (AUTO.equalsIgnoreCase(value)) {
            return AdaptiveLimit.auto(api, ceiling);
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return AdaptiveLimit.pinned(api, n);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + "=" + value + ": not auto nor a whole number of at least 1");
        }
    }

    public AdaptiveLimit of(String api) {
        return byApi.get(api);
    }

    public Map<String, AdaptiveLimit> all() {
        return byApi;
    }

    /** The record threads: enough for the largest limit any API may reach. */
    public int threads(Settings settings) {
        String all = settings.text("zoho.max-concurrent");
        int most = AUTO.equalsIgnoreCase(all) ? settings.integer("zoho.max-concurrent-ceiling") : Integer.parseInt(all);
        for (AdaptiveLimit l : byApi.values()) {
            most = Math.max(most, l.ceiling());
        }
        return most;
    }

    /** Before an attempt goes out: waits for a place among the API's calls in flight. */
    public void acquire(Exchange exchange) throws InterruptedException {
        ZohoCall call = ZohoCall.of(exchange);
        AdaptiveLimit limit = call == null ? null : byApi.get(call.api());
        if (limit != null) {
            call.permit(limit.acquire());
        }
    }

    /** After the attempt, whatever happened: gives the place back, telling whether Zoho answered 429. */
    public void release(Exchange exchange) {
        ZohoCall call = ZohoCall.of(exchange);
        AdaptiveLimit.Permit p = call == null ? null : call.permit();
        if (p == null) {
            return;
        }
        call.permit(null);
        Object body = exchange.getMessage().getBody();
        AdaptiveLimit.Signal signal = AdaptiveLimit.Signal.NONE;
        if (body instanceof ZohoResponse r && r.httpStatus() > 0) {
            signal = ZohoResponseParser.rateLimited(r) ? AdaptiveLimit.Signal.RATE_LIMITED
                    : r.httpStatus() < 500 ? AdaptiveLimit.Signal.ANSWERED : AdaptiveLimit.Signal.NONE;
        }
        if (signal == AdaptiveLimit.Signal.RATE_LIMITED && p.inFlight() == 1) {
            call.rateLimitedAlone();
        }
        p.release(signal);
    }

    /** The summary's and the metric's view: per API, its limit now and whether it is found or pinned. */
    public Map<String, Object> report(Collection<String> apis) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String api : apis) {
            AdaptiveLimit l = byApi.get(api);
            if (l != null) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("limit", l.limit());
                one.put("mode", l.isAuto() ? AUTO : "pinned");
                out.put(api, one);
            }
        }
        return out;
    }
}
