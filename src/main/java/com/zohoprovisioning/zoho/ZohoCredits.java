package com.zohoprovisioning.zoho;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.CountOrPercent;
import com.zohoprovisioning.config.Settings;
import org.apache.camel.Exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's daily API credits as Zoho reports them (the {@code X-API-CREDITS-REMAINING} answer header), per API, and
 * the reserve the routes leave for the org's other integrations ({@code zoho.credits.reserve}: a count, or a
 * percentage of the daily budget: {@code zoho.credits.per-day} when set, else the most credits Zoho reported left
 * since the start, a lower bound of the budget). While Zoho last reported fewer credits left than the reserve, no
 * call goes out ({@link #check}, before each attempt): the call ends as {@link ZohoCreditsLowException}, and its file
 * is held. What Zoho reported is trusted for {@code zoho.credits.recheck-after}; after that a call goes out again
 * and its answer tells.
 */
public final class ZohoCredits {

    public static final String HEADER = "X-API-CREDITS-REMAINING";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
            .withZone(ZoneId.systemDefault());

    private record Seen(long remaining, Instant at) {
    }

    private final CountOrPercent reserve;
    private final long perDay;
    private final Duration recheck;
    private final boolean once;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> highest = new ConcurrentHashMap<>();

    public ZohoCredits(CountOrPercent reserve, long perDay, Duration recheck, boolean once) {
        this.reserve = reserve;
        this.perDay = perDay;
        this.recheck = recheck;
        this.once = once;
    }

    public static ZohoCredits from(Settings settings) {
        CountOrPercent reserve = CountOrPercent.parse("zoho.credits.reserve", settings.text("zoho.credits.reserve"));
        long perDay = settings.optionalText("zoho.credits.per-day").map(v -> {
            try {
                return Long.parseLong(v.replace(",", "").replace("_", ""));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("zoho.credits.per-day=" + v + ": not a whole number");
            }
        }).orElse(0L);
        return new ZohoCredits(reserve, perDay, duration("zoho.credits.recheck-after",
                settings.text("zoho.credits.recheck-after")), settings.bool("provisioning.once"));
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

    /** After an answer: notes the credits Zoho reports left, if it does; returns them, or null. */
    public Long seen(Exchange exchange) {
        ZohoCall call = ZohoCall.of(exchange);
        String h = exchange.getMessage().getHeader(HEADER, String.class);
        if (call == null || h == null || h.isBlank()) {
            return null;
        }
        try {
            long remaining = Long.parseLong(h.trim());
            seen(call.api(), remaining);
            return remaining;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    void seen(String api, long remaining) {
        seen.put(api, new Seen(remaining, Instant.now()));
        highest.merge(api, remaining, Math::max);
    }

    /** Zoho kept answering 429 to a call alone in flight: its credits are taken as spent. */
    void spent(String api) {
        seen.put(api, new Seen(0, Instant.now()));
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
        return reserve.of(perDay > 0 ? perDay : highest.getOrDefault(api, 0L));
    }

    /** Before an attempt: refuses it while Zoho's last report (still fresh) is under the reserve, or nothing is left. */
    public void check(Exchange exchange) {
        ZohoCall call = ZohoCall.of(exchange);
        if (call != null && low(call.api())) {
            throw new ZohoCreditsLowException(reason(call.api()), resumeAt(call.api()));
        }
    }

    boolean low(String api) {
        Seen s = seen.get(api);
        if (s == null || Instant.now().isAfter(s.at().plus(recheck))) {
            return false;
        }
        return s.remaining() <= 0 || s.remaining() < reserve(api);
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
        Seen s = seen.get(api);
        long left = s == null ? 0 : s.remaining();
        String when = TIME.format(resumeAt(api));
        return String.format(Locale.ROOT, "Zoho API credits: %,d left, reserve %,d; move the file back to the inbox%s",
                left, reserve(api), once ? " after " + when + " (the credits of Zoho's rolling 24 hours come back as"
                        + " the calls of the day before drop out)" : ", or it resumes by itself after " + when);
    }
}
