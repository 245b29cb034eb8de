package com.zohoprovisioning.zoho;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The credit reserve's arithmetic: a count or a percentage of the daily budget, and when it stops calls. */
class ZohoCreditsTest {

    private static Settings settings(String reserve, String perDay) {
        return Settings.of(Map.of("zoho.credits.reserve", reserve, "zoho.credits.per-day", perDay,
                "zoho.credits.recheck-after", "60m", "provisioning.once", "false"));
    }

    @Test
    void aCountIsTheReserve() {
        ZohoCredits c = ZohoCredits.from(settings("1,000", ""));
        c.seen("bigin", 1000);
        assertThat(c.low("bigin")).isFalse();
        c.seen("bigin", 912);
        assertThat(c.low("bigin")).isTrue();
        assertThat(c.reason("bigin")).startsWith("Zoho API credits: 912 left, reserve 1,000; move the file back to the"
                + " inbox, or it resumes by itself after ");
    }

    @Test
    void aPercentageIsOfTheDailyBudgetOrElseOfTheMostReportedLeft() {
        ZohoCredits perDay = ZohoCredits.from(settings("20%", "50000"));
        perDay.seen("crm", 9999);
        assertThat(perDay.reserve("crm")).isEqualTo(10000);
        assertThat(perDay.low("crm")).isTrue();

        ZohoCredits seen = ZohoCredits.from(settings("20%", ""));
        assertThat(seen.reserve("crm")).as("nothing reported yet").isZero();
        seen.seen("crm", 40000);
        seen.seen("crm", 8000);
        assertThat(seen.reserve("crm")).isEqualTo(8000);
        assertThat(seen.low("crm")).isFalse();
        seen.seen("crm", 7999);
        assertThat(seen.low("crm")).isTrue();
    }

    @Test
    void noneLeftIsLowEvenWithoutAReserveAndAStaleReportIsNot() {
        ZohoCredits c = new ZohoCredits(new com.zohoprovisioning.config.CountOrPercent(0, null), 0, Duration.ZERO, true);
        c.seen("bigin", 0);
        assertThat(c.low("bigin")).as("the report is stale at once").isFalse();
        ZohoCredits fresh = new ZohoCredits(new com.zohoprovisioning.config.CountOrPercent(0, null), 0, Duration.ofHours(1), true);
        fresh.seen("bigin", 0);
        assertThat(fresh.low("bigin")).isTrue();
        assertThat(fresh.reason("bigin")).contains("0 left, reserve 0; move the file back to the inbox after");
    }

    @Test
    void aReserveThatIsNeitherACountNorAPercentageIsRefused() {
        assertThatThrownBy(() -> ZohoCredits.from(settings("lots", ""))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("zoho.credits.reserve=lots");
        assertThatThrownBy(() -> ZohoCredits.duration("zoho.credits.recheck-after", "1 day"))
                .isInstanceOf(ConfigurationException.class);
    }
}
