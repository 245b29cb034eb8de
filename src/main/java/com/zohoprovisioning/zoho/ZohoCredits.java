package com.zohoprovisioning.zoho;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.CountOrPercent;
import com.zohoprovisioning.config.Settings;
import org.apache.camel.Exchange;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's daily API credits as Zoho reports them (the {@code X-API-CREDITS-REMAINING} answer header), per API, and
 * the reserve the routes leave for the org's other integrations ({@code zoho.credits.reserve}: a count, or a
 * percentage of the daily budget: {@code zoho.credits.per-day} when set, else the most credits Zoho reported left
 * within the last 24 hours, by this or an earlier run ({@link CreditsHighWater}, kept in the work folder), a lower
 * bound of the budget). A call goes out only while the credits Zoho last reported, less the calls of the API already
 * in flight (each may cost one), stay above the reserve ({@link #check}, before each attempt): otherwise it ends as
 * {@link ZohoCreditsLowException}, and its file is held. What Zoho reported is trusted for
 * {@code zoho.credits.recheck-after}; after that a call goes out again and its answer tells.
 */
public final class ZohoCredits {

    public static final String HEADER = "X-API-CREDITS-REMAINING";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    /** A report, and the place in sending order of the call it answered (a later-sent call's report is newer). */
    private record Seen(long remaining, Instant at, long sent) {
    }

    private final CountOrPercent reserve;
    private final long perDay;
    private final Duration recheck;
    private final boolean once;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private final CreditsHighWater highest;

    /** The most credits reported left kept in memory only (tests). */
    public ZohoCredits(CountOrPercent reserve, long perDay, Duration recheck, boolean once) {
        this(reserve, perDay, recheck, once, new CreditsHighWater(null, ""));
    }

    ZohoCredits(CountOrPercent reserve, long perDay, Duration recheck, boolean once, CreditsHighWater highest) {
        this.reserve = reserve;
        this.perDay = perDay;
        this.recheck = recheck;
        this.once = once;
        this.highest = highest;
    }

    /**
     * From the settings; the most credits reported left are kept in {@code <work.dir>/.state/} per API and
     * {@code target} (the sandbox, or the live data centre), so that a rehearsal's budget is not taken for the org's.
     */
    public static ZohoCredits from(Settings settings, String target) {
        CountOrPercent reserve = CountOrPercent.parse("zoho.credits.reserve", settings.text("zoho.credits.reserve"));
        long perDay = settings.optionalText("zoho.credits.per-day").map(v -> {
            try {
                return Long.parseLong(v.replace(",", "").replace("_", ""));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("zoho.credits.per-day=" + v + ": not a whole number");
            }
        }).orElse(0L);
        return new ZohoCredits(reserve, perDay, duration("zoho.credits.recheck-after",
                settings.text("zoho.credits.recheck-after")), settings.bool("provisioning.once"),
                new CreditsHighWater(Path.of(settings.text("work.dir")).resolve(".state"), target));
    }

    /** {@code 90s}, {@code 60m}, {@code 2h}. */
    static Duration duration(String key, String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*([smh])").matcher(v.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ConfigurationException(key + "=" + v + ": not a duration such as 90s, 60m or 2h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /**
     * After an answer: notes the credits Zoho reports left, if it does, and no longer counts the call as in flight;
     * returns them, or null.
     */
    public Long seen(Exchange exchange) {
        ZohoCall call = ZohoCall.of(exchange);
        if (call == null) {
            return null;
        }
        String h = exchange.getMessage().getHeader(HEADER, String.class);
        Long remaining = null;
        if (h != null && !h.isBlank()) {
            try {
                remaining = Long.parseLong(h.trim());
                seen(call.api(), remaining, call.creditSent());
            } catch (NumberFormatException e) {
                remaining = null;
            }
        }
        settled(exchange);
        return remaining;
    }

    void seen(String api, long remaining) {
        seen(api, remaining, sent(api).incrementAndGet());
    }

    /**
     * Answers cross: one that reached us after the answer of a call sent later tells older news, unless it reports
     * fewer credits left (the credits only grow back slowly, as the calls of the day before drop out). Older news
     * with more credits is not taken as the credits left, so the count stays within the calls in flight.
     */
    private void seen(String api, long remaining, long sentAs) {
        Instant now = Instant.now();
        seen.compute(api, (k, was) -> was == null || sentAs >= was.sent() || remaining < was.remaining()
                ? new Seen(remaining, now, was == null ? sentAs : Math.max(sentAs, was.sent())) : was);
        highest.seen(api, remaining, now);
    }

    private AtomicLong sent(String api) {
        return sent.computeIfAbsent(api, k -> new AtomicLong());
    }

    /** After an attempt, whatever happened (the route's doFinally): it is no longer in flight, if it was counted. */
    public void settled(Exchange exchange) {
        ZohoCall call = ZohoCall.of(exchange);
        if (call != null && call.creditCounted(false)) {
            inFlight(call.api()).decrementAndGet();
        }
    }

    private AtomicLong inFlight(String api) {
        return inFlight.computeIfAbsent(api, k -> new AtomicLong());
    }

    /** Zoho kept answering 429 to a call alone in flight: its credits are taken as spent. */
    void spent(String api) {
        seen.put(api, new Seen(0, Instant.now(), sent(api).incrementAndGet()));
    }

    /** The credits Zoho last reported left for this API, or null when it never did. */
    public Long remaining(String api) {
        Seen s = seen.get(api);
        return s == null ? null : s.remaining();
    }

    /** The credits left alone for other integrations, or 0 when a percentage has no budget to apply to yet. */
    public long reserve(String api) {
        if (!reserve.isPercent()) {
            return reserve.count();
        }
        return reserve.of(perDay > 0 ? perDay : highest.highest(api));
    }

    /**
     * Before an attempt: refuses it while Zoho's last report (still fresh), less the calls in flight, is not above
     * the reserve (this call would take the credits under it); else counts it in flight until {@link #settled}.
     */
    public void check(Exchange exchange) {
        ZohoCall call = ZohoCall.of(exchange);
        if (call == null) {
            return;
        }
        AtomicLong flying = inFlight(call.api());
        while (true) {
            long n = flying.get();
            if (low(call.api(), n)) {
                throw new ZohoCreditsLowException(reason(call.api()), resumeAt(call.api()));
            }
            if (flying.compareAndSet(n, n + 1)) {
                call.creditCounted(true);
                call.creditSent(sent(call.api()).incrementAndGet());
                return;
            }
        }
    }

    boolean low(String api) {
        return low(api, inFlight(api).get());
    }

    private boolean low(String api, long flying) {
        Seen s = seen.get(api);
        if (s == null || Instant.now().isAfter(s.at().plus(recheck))) {
            return false;
        }
        return s.remaining() - flying <= Math.max(0, reserve(api));
    }

    /** The credits Zoho last reported left, less the calls of the API in flight (none below 0). */
    private long left(String api) {
        Seen s = seen.get(api);
        return s == null ? 0 : Math.max(0, s.remaining() - inFlight(api).get());
    }

    /** When a held file may go again: the last report plus {@code zoho.credits.recheck-after}. */
    public Instant resumeAt(String api) {
        Seen s = seen.get(api);
        return (s == null ? Instant.now() : s.at()).plus(recheck);
    }

    /** The latest time any API's held file may go again. */
    public Instant resumeAt() {
        Instant latest = null;
        for (String api : seen.keySet()) {
            Instant at = resumeAt(api);
            latest = latest == null || at.isAfter(latest) ? at : latest;
        }
        return latest == null ? Instant.now().plus(recheck) : latest;
    }

    String reason(String api) {
        long left = left(api);
        String when = TIME.format(resumeAt(api));
        return String.format(Locale.ROOT, "Zoho API credits: %,d left, reserve %,d; move the file back to the inbox%s",
                left, reserve(api), once ? " after " + when + " (the credits of Zoho's rolling 24 hours come back as"
                        + " the calls of the day before drop out)" : ", or it resumes by itself after " + when);
    }
}
