package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications through the real routes: an embedded SMTP server (GreenMail) and a loopback webhook receive what a
 * file held, finished with errors or rejected tells; a file that finished cleanly tells nothing unless
 * notify.on-success is set. Never a row's content.
 */
class NotificationsTest extends WebhookTestSupport {

    static final String FEED = "bigin-users";
    /** Two rows succeed, two fail (unknown role); none of these addresses or names may appear in a notice. */
    static final String MIXED = "email,last_name,role,profile,action\n"
            + "ada.quill@example.com,Quill,Manager,Standard,add\n"
            + "bo.zephyr@example.com,Zephyrine,NoSuchRole,Standard,add\n"
            + "cy.marlowe@example.com,Marlowe,Manager,Standard,add\n"
            + "di.vantablack@example.com,Vantablack,NoSuchRole,Standard,add\n";
    static final List<String> ROW_CONTENT = List.of("ada.quill", "bo.zephyr", "cy.marlowe", "di.vantablack",
            "example.com", "Quill", "Zephyrine", "Marlowe", "Vantablack", "NoSuchRole");
    static final String CLEAN = "email,last_name,role,profile,action\n"
            + "eve.clean@example.com,Clean,Manager,Standard,add\nfay.clean@example.com,Clean,Manager,Standard,add\n";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);


    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "notify.email.host", "127.0.0.1",
                "notify.email.port", String.valueOf(MAIL.getSmtp().getPort()),
                "notify.email.tls", "none",
                "notify.email.from", "zoho-provisioning@ops.example.org",
                "notify.email.to", "admins@ops.example.org, hr-it@ops.example.org",
                "notify.webhook.url", webhook().url(),
                "notify.retry.delay-ms", "100");
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void aFileWithErrorsIsToldByEmailAndWebhookWithCountsAndPathsButNoRow() throws Exception {
        drop(FEED, "people.csv", MIXED);
        awaitDone(FEED, "people.csv");
        assertThat(csv("error/" + FEED + "/people.csv")).hasSize(2);

        MimeMessage mail = awaitOneNotice();
        String subject = mail.getSubject();
        String text = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(subject).isEqualTo("[zoho-provisioning] errors: bigin-users/people.csv, 2 of 4 records failed");
        assertThat(text).contains("bigin-users/people.csv finished with errors: 4 records, 2 succeeded, 2 failed.")
                .contains("error/bigin-users/people.csv").contains("success/bigin-users/people.csv")
                .contains("reports/bigin-users/people.csv.summary.json").contains("archive/bigin-users/people.csv")
                .contains(workDir().toAbsolutePath().normalize().toString())
                .contains("UNKNOWN_ROLE 2")
                .contains("drop it into inbox/bigin-users/");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("zoho-provisioning@ops.example.org");
        assertThat(addresses(mail.getAllRecipients())).isEqualTo("admins@ops.example.org, hr-it@ops.example.org");
        assertThat(mail.getHeader("zpNoticeKind")).as("the notice's headers are not mail headers").isNull();
        assertNoRowContent(subject + "\n" + text + "\n" + headers(mail));

        WebhookReceiver.Request post = webhook().received().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo(WebhookReceiver.PATH);
        assertThat(post.headers().get("Content-type")).containsExactly("application/json; charset=UTF-8");
        assertThat(post.headers().keySet()).noneMatch(h -> h.toLowerCase().startsWith("zp")
                || h.toLowerCase().startsWith("camel"));
        JsonNode json = JSON.readTree(post.body());
        assertThat(json.size()).as("only text, as Slack and Teams take it").isEqualTo(1);
        assertThat(json.path("text").asText()).startsWith(subject + "\n\n").contains("4 records, 2 succeeded, 2 failed")
                .contains("error/bigin-users/people.csv");
        assertNoRowContent(post.body() + post.headers());
    }

    /** A repeated file is held before any call: the notice says why and gives the approve command. */
    @Test
    void aHeldFileIsToldWithWhyAndTheApproveCommand() throws Exception {
        drop(FEED, "people.csv", CLEAN);
        awaitDone(FEED, "people.csv");
        drop(FEED, "people (1).csv", CLEAN);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(path("held/" + FEED + "/people (1).csv")));

        MimeMessage mail = awaitOneNotice();
        String text = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(mail.getSubject()).isEqualTo("[zoho-provisioning] held: bigin-users/people (1).csv");
        assertThat(text).startsWith("bigin-users/people (1).csv is held: repeated file: the same content as people.csv")
                .contains("held/bigin-users/people (1).csv").contains("held/bigin-users/people (1).csv.reason.txt")
                .contains("To release it: java -jar target/zoho-provisioning.jar approve bigin-users 'people (1).csv'");
        assertThat(JSON.readTree(webhook().received().get(0).body()).path("text").asText())
                .contains("java -jar target/zoho-provisioning.jar approve bigin-users 'people (1).csv'");
        assertNoRowContent(text);
    }

    /**
     * notify.on-success=false: a clean file tells nothing. The notice of a file rejected after it is the only one
     * to arrive, and notices go out in order, one at a time: so none was sent for the clean file.
     */
    @Test
    void aCleanFileTellsNothingAndARejectedFileIsTold() throws Exception {
        drop(FEED, "people.csv", CLEAN);
        awaitDone(FEED, "people.csv");
        drop(FEED, "empty.csv", "");
        awaitDone(FEED, "empty.csv");

        MimeMessage mail = awaitOneNotice();
        assertThat(mail.getSubject()).isEqualTo("[zoho-provisioning] rejected: bigin-users/empty.csv");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
                .contains("bigin-users/empty.csv was rejected, nothing of it was sent to Zoho: the file is empty")
                .contains("rejected/bigin-users/empty.csv.reason.txt");
        assertThat(webhook().received()).hasSize(1);
    }

    /** Waits for one notice by each way (GreenMail keeps one copy per recipient) and returns its e-mail. */
    private MimeMessage awaitOneNotice() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> MAIL.getReceivedMessages().length >= 2 && !webhook().received().isEmpty());
        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(Arrays.stream(mails).map(NotificationsTest::messageId).distinct()).as("one e-mail").hasSize(1);
        assertThat(mails).as("one copy per recipient").hasSize(2);
        assertThat(webhook().received()).as("one webhook POST").hasSize(1);
        return mails[0];
    }

    private static void assertNoRowContent(String told) {
        assertThat(ROW_CONTENT).allSatisfy(s -> assertThat(told).doesNotContain(s));
    }

    private static String addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String headers(MimeMessage m) throws jakarta.mail.MessagingException {
        StringBuilder sb = new StringBuilder();
        m.getAllHeaderLines().asIterator().forEachRemaining(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
