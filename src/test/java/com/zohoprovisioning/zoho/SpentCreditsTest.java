package com.zohoprovisioning.zoho;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When a 429 means the day's credits are spent rather than too many calls at once: Zoho reports none left, or, when
 * it reports nothing, it answered 429 twice to a call alone in flight (no Retry-After). Then the call ends as
 * {@link ZohoCreditsLowException} (its file is held) instead of being retried.
 */
class SpentCreditsTest {

    private final ZohoResponseParser parser = new ZohoResponseParser();
    private final ZohoCredits credits = new ZohoCredits(new com.zohoprovisioning.config.CountOrPercent(0, null), 0, Duration.ofHours(1), false);

    private static ZohoResponse tooMany(Long retryAfter) {
        return new ZohoResponse(429, false, "TOO_MANY_REQUESTS", "too many", null, null, null, retryAfter);
    }

    private static ZohoCall call() {
        return new ZohoCall("crm", "POST", "/crm/v6/users", null, "POST /crm/v6/users", "{}", Map.of());
    }

    @Test
    void a429WithOtherCallsInFlightIsRetried() {
        assertThatThrownBy(() -> parser.check(tooMany(null), call(), credits)).isInstanceOf(ZohoRateLimitedException.class);
    }

    @Test
    void a429ThatPersistsWhileTheCallIsAloneIsASpentBudget() {
        ZohoCall call = call();
        call.rateLimitedAlone();
        assertThatThrownBy(() -> parser.check(tooMany(null), call, credits)).as("once: maybe a busy moment")
                .isInstanceOf(ZohoRateLimitedException.class);
        call.rateLimitedAlone();
        assertThatThrownBy(() -> parser.check(tooMany(null), call, credits)).isInstanceOf(ZohoCreditsLowException.class)
                .hasMessageStartingWith("Zoho API credits: 0 left, reserve 0");
        assertThat(credits.remaining("crm")).isZero();
    }

    @Test
    void aRetryAfterMeansARateLimitNotASpentBudget() {
        ZohoCall call = call();
        call.rateLimitedAlone();
        call.rateLimitedAlone();
        assertThatThrownBy(() -> parser.check(tooMany(5L), call, credits)).isInstanceOf(ZohoRateLimitedException.class);
    }

    @Test
    void a429ReportingNoCreditsLeftEndsTheCallAtOnce() {
        credits.seen("crm", 0);
        assertThatThrownBy(() -> parser.check(tooMany(null), call(), credits)).isInstanceOf(ZohoCreditsLowException.class);
    }
}
