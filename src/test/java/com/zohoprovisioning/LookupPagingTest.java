package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The users lookup reads every page once per file, not once per record. */
class LookupPagingTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("zoho.page-size", "2", "sandbox.licences", "3");
    }

    @Test
    void usersOnTheLastPageAreFoundAndLookupsCostAHandfulOfCalls() {
        StringBuilder csv = new StringBuilder("email,phone\n");
        csv.append("uma.invited@zylker.com,555-1\n");
        csv.append("patricia.boyle@zylker.com,555-2\n");
        drop("bigin-users", "paged.csv", csv.toString());
        awaitDone("bigin-users", "paged.csv");
        assertThat(csv("success/bigin-users/paged.csv")).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("result_action")).isEqualTo("updated"));
        assertThat(calls("GET /bigin/v1/users")).isEqualTo(2);
        assertThat(calls("GET /bigin/v1/settings/roles")).isEqualTo(1);
    }

    @Test
    void theLicenceLimitIsZohosAnswer() {
        drop("bigin-users", "one-more.csv", """
                email,last_name,role,profile
                over.limit@example.com,Limit,Manager,Standard
                """);
        awaitDone("bigin-users", "one-more.csv");
        assertThat(csv("error/bigin-users/one-more.csv")).singleElement()
                .satisfies(r -> assertThat(r.get("result_code")).isEqualTo("LICENSE_LIMIT_EXCEEDED"));
    }
}
