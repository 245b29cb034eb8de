package com.zohoprovisioning.zoho;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The credit reserve's arithmetic: a count or a percentage of the daily budget (the most credits reported left
 * within 24 hours, remembered in the work folder across runs), and when it stops calls (the calls in flight count).
 */
class ZohoCreditsTest {

    @TempDir
    Path work;

    private Settings settings(String reserve, String perDay) {
        return Settings.of(Map.of("zoho.credits.reserve", reserve, "zoho.credits.per-day", perDay,
                "zoho.credits.recheck-after", "60m", "provisioning.once", "false", "work.dir", work.toString()));
    }

    private ZohoCredits credits(String reserve, String perDay) {
        return ZohoCredits.from(settings(reserve, perDay), "sandbox");
    }

    @Test
    void aCountIsTheReserve() {
        ZohoCredits c = credits("1,000", "");
        c.seen("bigin", 1001);
        assertThat(c.low("bigin")).isFalse();
        c.seen("bigin", 1000);
        assertThat(c.low("bigin")).as("one more call would take the credits under the reserve").isTrue();
        c.seen("bigin", 912);
        assertThat(c.reason("bigin")).startsWith("Zoho API credits: 912 left, reserve 1,000; move the file back to the"
                + " inbox, or it resumes by itself after ").matches(".* \\d\\d:\\d\\d:\\d\\d .*");
    }

    @Test
    void aPercentageIsOfTheDailyBudgetOrElseOfTheMostReportedLeft() {
        ZohoCredits perDay = ZohoCredits.from(settings("20%", "50000"), "https://accounts.zoho.com");
        perDay.seen("crm", 10000);
        assertThat(perDay.reserve("crm")).isEqualTo(10000);
        assertThat(perDay.low("crm")).isTrue();

        ZohoCredits seen = credits("20%", "");
        assertThat(seen.reserve("crm")).as("nothing reported yet").isZero();
        seen.seen("crm", 40000);
        seen.seen("crm", 8001);
        assertThat(seen.reserve("crm")).isEqualTo(8000);
        assertThat(seen.low("crm")).isFalse();
        seen.seen("crm", 8000);
        assertThat(seen.low("crm")).isTrue();
    }

    @Test
    void theMostReportedLeftIsRememberedInTheWorkFolderForTheNextRun() throws IOException {
        credits("20%", "").seen("crm", 40000);
        Path kept = work.resolve(".state/" + CreditsHighWater.FILE);
        assertThat(kept).exists();
        if (Files.getFileStore(kept).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).as("owner-only").startsWith("rw-").endsWith("---");
        }
        ZohoCredits next = credits("20%", "");
        next.seen("crm", 10000);
        assertThat(next.reserve("crm")).as("a --once run or a new leader starts from what the last one saw").isEqualTo(8000);
        assertThat(next.low("crm")).isFalse();
        assertThat(next.reserve("bigin")).as("per API").isZero();
        assertThat(ZohoCredits.from(settings("20%", ""), "https://accounts.zoho.eu").reserve("crm"))
                .as("a rehearsal's budget is not the live org's").isZero();
        assertThat(credits("20%", "1000").reserve("crm")).as("zoho.credits.per-day is the exact budget").isEqualTo(200);
    }

    @Test
    void aReportOlderThanTheDayIsForgotten() throws IOException {
        Path state = Files.createDirectories(work.resolve(".state"));
        Files.writeString(state.resolve(CreditsHighWater.FILE), "crm\tsandbox\t" + Instant.now().minus(Duration.ofHours(25))
                + "\t90000\ncrm\tsandbox\t" + Instant.now().minus(Duration.ofHours(23)) + "\t50000\n");
        ZohoCredits c = credits("20%", "");
        assertThat(c.reserve("crm")).isEqualTo(10000);
        c.seen("crm", 30000);
        assertThat(Files.readString(state.resolve(CreditsHighWater.FILE))).doesNotContain("90000").contains("50000")
                .contains("30000");
    }

    @Test
    void theCallsInFlightCountAgainstTheCreditsLeft() {
        ZohoCredits c = credits("10", "");
        c.seen("bigin", 13);
        Exchange first = call();
        c.check(first);
        c.check(call());
        c.check(call());
        assertThatThrownBy(() -> c.check(call())).as("13 left, 3 in flight, reserve 10: a fourth would take them under")
                .isInstanceOf(ZohoCreditsLowException.class).hasMessageStartingWith("Zoho API credits: 10 left, reserve 10");
        c.settled(first);
        c.settled(first);
        assertThat(c.low("bigin")).as("settled once").isFalse();
        c.check(call());
        assertThat(c.low("bigin")).isTrue();
    }

    @Test
    void anAnswerOvertakenByThatOfALaterCallIsOlderNews() {
        ZohoCredits c = credits("10", "");
        Exchange first = call();
        Exchange second = call();
        c.check(first);
        c.check(second);
        answer(c, second, 30);
        answer(c, first, 31);
        assertThat(c.remaining("bigin")).as("the first call's answer came last, but it is older").isEqualTo(30);
        Exchange third = call();
        c.check(third);
        Exchange fourth = call();
        c.check(fourth);
        answer(c, fourth, 28);
        answer(c, third, 27);
        assertThat(c.remaining("bigin")).as("fewer left is news whenever it comes").isEqualTo(27);
    }

    private static void answer(ZohoCredits c, Exchange e, long left) {
        e.getMessage().setHeader(ZohoCredits.HEADER, String.valueOf(left));
        c.seen(e);
    }

    private static Exchange call() {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.setProperty(ZohoCall.PROPERTY, new ZohoCall("bigin", "POST", "/bigin/v1/users", null, "POST /bigin/v1/users",
                "{}", Map.of()));
        return e;
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
        assertThatThrownBy(() -> credits("lots", "")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("zoho.credits.reserve=lots");
        assertThatThrownBy(() -> ZohoCredits.duration("zoho.credits.recheck-after", "1 day"))
                .isInstanceOf(ConfigurationException.class);
    }
}
