package com.zohoprovisioning;

import com.zohoprovisioning.pipeline.RunStats;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Live mode without mail.zoid: a mail-users file is not processed at all and stays in the inbox, naming the setting. */
class MailZoidRequiredLiveTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("zoho.mode", "live", "zoho.dc", "eu", "mail.zoid", "",
                "zoho.client-id", "id", "zoho.client-secret", "secret", "zoho.refresh-token", "refresh");
    }

    @Test
    void theFileStaysInTheInboxAndTheReasonNamesMailZoid() {
        Path file = drop("mail-users", "people.csv", "email,display_name\nrebecca.anderson@zylker.com,Rebecca\n")
                .toAbsolutePath();
        RunStats stats = context.getRegistry().lookupByNameAndType("runStats", RunStats.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> stats.hasFailed(file.toString()));
        assertThat(file).exists();
        assertThat(stats.fatalErrors()).anySatisfy(e -> assertThat(e).contains("ConfigurationException").contains("mail.zoid"));
        assertThat(path("success/mail-users/people.csv")).doesNotExist();
        assertThat(path("error/mail-users/people.csv")).doesNotExist();
    }
}
