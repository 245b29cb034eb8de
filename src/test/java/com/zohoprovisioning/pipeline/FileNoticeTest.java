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
    void aRosterWhoseLeaverFailedFinishedWithErrorsAndSaysTheLeaversCounts() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("Successes", "success/crm-users/staff.csv");
        paths.put("Leavers not deactivated", "error/crm-users/staff.leavers.csv");
        paths.put("Leavers deactivated", "success/crm-users/staff.leavers.csv");
        paths.put("Summary", "reports/crm-users/staff.csv.summary.json");
        paths.put("Input", "archive/crm-users/staff.csv");
        FileNotice n = new FileNotice(FileNotice.Kind.ERRORS, "crm-users", "staff.csv", 118, 118, 0, Map.of(), null,
                null, paths, "/srv/work", new FileNotice.Leavers(4, 3, 1, 2, Map.of("INVALID_REQUEST", 1L)));
        assertThat(n.subject()).isEqualTo("[zoho-provisioning] errors: crm-users/staff.csv, 1 of 4 leavers not"
                + " deactivated");
        assertThat(n.text()).isEqualTo("""
                crm-users/staff.csv finished with errors: 118 records, 118 succeeded, 0 failed; leavers: 4 planned, \
                3 deactivated, 1 failed, 2 protected (left alone).

                Successes:               success/crm-users/staff.csv
                Leavers not deactivated: error/crm-users/staff.leavers.csv
                Leavers deactivated:     success/crm-users/staff.leavers.csv
                Summary:                 reports/crm-users/staff.csv.summary.json
                Input:                   archive/crm-users/staff.csv
                Work folder:             /srv/work
                Leavers not deactivated by code: INVALID_REQUEST 1

                The leavers not deactivated are in the leavers' error file, with Zoho's answer (result_code, \
                result_message); the next roster deactivates them if they are still absent from it.
                """);
        FileNotice both = new FileNotice(FileNotice.Kind.ERRORS, "crm-users", "staff.csv", 118, 116, 2, Map.of(),
                null, null, Map.of(), "/w", new FileNotice.Leavers(4, 3, 1, 2, Map.of()));
        assertThat(both.subject()).endsWith("staff.csv, 2 of 118 records failed, 1 of 4 leavers not deactivated");
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
