package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Result rows are in input order, although records run concurrently and finish out of order: here 200 records,
 * eight at a time, against a sandbox with latency and injected 503s (retried with backoff, so those records finish
 * late), some failing at once (unknown role) and some late (an add of an existing user: DUPLICATE_DATA), with blank
 * rows between them (gaps in the row numbers).
 */
class ResultsInInputOrderTest extends PipelineTestSupport {

    private static final int RECORDS = 200;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("zoho.max-concurrent", "8", "sandbox.latency-ms", "15", "sandbox.error-rate", "0.15",
                "zoho.retry.max-redeliveries", "10", "provisioning.runaway.max-consecutive-failures", "0");
    }

    @Test
    void successAndErrorRowsAreInInputOrder() {
        StringBuilder csv = new StringBuilder("email,last_name,role,profile,action\n");
        for (int i = 1; i <= RECORDS; i++) {
            if (i % 7 == 0) {
                csv.append("order").append(i).append("@example.com,O").append(i).append(",NoSuchRole,Standard,\n");
            } else if (i % 11 == 0) {
                // an add of the seed's user: Zoho answers DUPLICATE_DATA, after the call's latency
                csv.append("olivia.owner@zylker.com,Owner,Manager,Standard,add\n");
            } else {
                csv.append("order").append(i).append("@example.com,O").append(i).append(",Manager,Standard,\n");
            }
            if (i % 50 == 0) {
                csv.append(",,,,\n");
            }
        }
        drop("bigin-users", "ordered.csv", csv.toString());
        awaitDone("bigin-users", "ordered.csv");

        List<Map<String, String>> ok = csv("success/bigin-users/ordered.csv");
        List<Map<String, String>> err = csv("error/bigin-users/ordered.csv");
        assertThat(ok.size() + err.size()).isEqualTo(RECORDS);
        assertThat(err).extracting(r -> r.get("result_code")).contains("UNKNOWN_ROLE", "DUPLICATE_DATA");
        assertThat(rows(ok)).as("success rows in input order").isSorted().doesNotHaveDuplicates();
        assertThat(rows(err)).as("error rows in input order").isSorted().doesNotHaveDuplicates();
        List<String> answered = new ArrayList<>();
        sandboxGet("/__sandbox/requests").path("counts_by_status").fieldNames().forEachRemaining(answered::add);
        assertThat(answered).as("some calls were answered 503 and retried: they finished late")
                .anySatisfy(k -> assertThat(k).endsWith(" 503"));
    }

    private static List<Long> rows(List<Map<String, String>> records) {
        List<Long> rows = new ArrayList<>();
        records.forEach(r -> rows.add(Long.parseLong(r.get("result_row"))));
        return rows;
    }
}
