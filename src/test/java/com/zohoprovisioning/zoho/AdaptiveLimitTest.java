package com.zohoprovisioning.zoho;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AIMD rule on its own, against a simulated org that allows {@code c} calls in flight: in each round (one
 * latency) as many calls go out as the limit allows, those above {@code c} are answered 429.
 */
class AdaptiveLimitTest {

    private record Run(int limit, long calls, long rejected, long answered, int rounds) {
    }

    private static Run simulate(AdaptiveLimit limit, int c, int rounds) throws InterruptedException {
        long calls = 0;
        long rejected = 0;
        long answered = 0;
        for (int round = 0; round < rounds; round++) {
            List<AdaptiveLimit.Permit> out = new ArrayList<>();
            int n = limit.limit();
            for (int i = 0; i < n; i++) {
                out.add(limit.acquire());
            }
            for (AdaptiveLimit.Permit p : out) {
                calls++;
                if (p.inFlight() > c) {
                    rejected++;
                    p.release(AdaptiveLimit.Signal.RATE_LIMITED);
                } else {
                    answered++;
                    p.release(AdaptiveLimit.Signal.ANSWERED);
                }
            }
        }
        return new Run(limit.limit(), calls, rejected, answered, rounds);
    }

    @Test
    void startsLowAndFindsTheOrgsLimitWithFew429s() throws InterruptedException {
        for (int c : new int[] {5, 10, 15, 20}) {
            Run r = simulate(AdaptiveLimit.auto("bigin", 25), c, 1000);
            assertThat(r.limit()).as("C=%d", c).isBetween((int) (c * 0.75), c);
            assertThat(r.answered()).as("C=%d: calls answered per round, of C", c).isGreaterThanOrEqualTo((long) (0.9 * c * r.rounds()));
            assertThat(r.rejected()).as("C=%d: 429s", c).isLessThanOrEqualTo(r.calls() / 50);
        }
    }

    @Test
    void neverAboveTheCeilingAndStartsAtTwo() throws InterruptedException {
        AdaptiveLimit limit = AdaptiveLimit.auto("crm", 25);
        assertThat(limit.limit()).isEqualTo(2);
        Run r = simulate(limit, 100, 200);
        assertThat(r.limit()).isEqualTo(25);
        assertThat(r.rejected()).isZero();
    }

    @Test
    void a429TakesTheLimitDownByAQuarterOnceForTheCallsSentTogether() throws InterruptedException {
        AdaptiveLimit limit = AdaptiveLimit.auto("bigin", 25);
        simulate(limit, 100, 50);
        assertThat(limit.limit()).isEqualTo(25);
        List<AdaptiveLimit.Permit> out = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            out.add(limit.acquire());
        }
        out.forEach(p -> p.release(AdaptiveLimit.Signal.RATE_LIMITED));
        assertThat(limit.limit()).as("one decrease for a burst of 429s sent at the same level").isEqualTo(18);
    }

    @Test
    void aPinnedLimitNeverMoves() throws InterruptedException {
        AdaptiveLimit limit = AdaptiveLimit.pinned("mail", 8);
        Run r = simulate(limit, 4, 100);
        assertThat(r.limit()).isEqualTo(8);
    }
}
