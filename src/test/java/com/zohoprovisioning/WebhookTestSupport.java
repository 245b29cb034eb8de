package com.zohoprovisioning;

import org.junit.jupiter.api.AfterEach;

/** A pipeline test with a loopback webhook receiver ({@link WebhookReceiver}) for the notifications. */
abstract class WebhookTestSupport extends PipelineTestSupport {

    private WebhookReceiver webhook;

    /** The receiver, started on first use (the Camel test base asks for settings in its constructor). */
    protected WebhookReceiver webhook() {
        if (webhook == null) {
            webhook = new WebhookReceiver();
        }
        return webhook;
    }

    @AfterEach
    void stopWebhook() {
        if (webhook != null) {
            webhook.close();
        }
    }
}
