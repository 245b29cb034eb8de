package com.zohoprovisioning.pipeline;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A notice's subject and text: what happened, counts, paths, what to do; an e-mail address in a reason is masked. */
class FileNoticeTest {

    @Test
    void aHeldFileSaysWhyAndHowToReleaseIt() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("Held", "held/crm-users/roster.csv");
        paths.put("Reason", "held/crm-users/roster.csv.reason.txt");
        FileNotice n = new FileNotice(FileNotice.Kind.HELD, "crm-users", "roster.csv", 0, 0, 0, Map.of(),
                "roster guard: would deactivate 42 of 120 active users (35 %), above the limit of 10 %",
                HeldFile.approve("crm-users", "roster.csv"), paths, "/srv/work");
        assertThat(n.subject()).isEqualTo("[zoho-provisioning] held: crm-users/roster.csv");
        assertThat(n.text()).isEqualTo("""
                crm-users/roster.csv is held: roster guard: would deactivate 42 of 120 active users (35 %), above the \
                limit of 10 %

                Records with an outcome: 0 (0 succeeded, 0 failed)
                Held:        held/crm-users/roster.csv
                Reason:      held/crm-users/roster.csv.reason.txt
                Work folder: /srv/work

                To release it: java -jar target/zoho-provisioning.jar approve crm-users roster.csv
                """);
    }

    @Test
    void aReasonQuotingAnAddressHasItMaskedAndStaysOnOneLine() {
        FileNotice n = new FileNotice(FileNotice.Kind.REJECTED, "bigin-users", "x.csv", 0, 0, 0, Map.of(),
                "the header names the column 'kim.lee@example.com' twice\nforged line", null, Map.of(), "/w");
        assertThat(n.reason()).isEqualTo("the header names the column '***@example.com' twice\\nforged line");
        assertThat(n.text()).doesNotContain("kim.lee");
    }

    @Test
    void aShellUnfriendlyNameIsQuotedInTheApproveCommand() {
        assertThat(HeldFile.approve("bigin-users", "people (1).csv"))
                .isEqualTo("java -jar target/zoho-provisioning.jar approve bigin-users 'people (1).csv'");
    }
}
