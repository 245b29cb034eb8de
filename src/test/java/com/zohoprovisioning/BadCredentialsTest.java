package com.zohoprovisioning;

import com.zohoprovisioning.pipeline.RunStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A wrong client id is an auth error of the whole file, not thousands of row errors: the file waits in the inbox. */
class BadCredentialsTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("zoho.client-id", "someone-else");
    }

    @Test
    void theFileStaysInTheInboxAndNoRecordIsTouched() {
        drop("bigin-users", "people.csv", "email,last_name,role,profile\na@example.com,A,Manager,Standard\n");
        RunStats stats = awaitFatalError();
        assertThat(stats.fatalErrors().get(0)).contains("invalid_client");
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> path("inbox/bigin-users/people.csv").toFile().exists());
        assertThat(path("error/bigin-users")).doesNotExist();
        assertThat(path("success/bigin-users")).doesNotExist();
        assertThat(path("archive/bigin-users")).doesNotExist();
        assertThat(calls("POST /bigin/v1/users")).isZero();
    }
}
