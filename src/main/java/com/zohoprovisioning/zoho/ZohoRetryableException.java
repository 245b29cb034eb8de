package com.zohoprovisioning.zoho;

/** A transient Zoho answer (429 TOO_MANY_REQUESTS, 5xx): retried with backoff by the error handler. */
public class ZohoRetryableException extends RuntimeException {
    private final ZohoResponse response;

    public ZohoRetryableException(ZohoResponse response) {
        super("HTTP " + response.httpStatus() + " " + response.code() + ": " + response.message());
        this.response = response;
    }

    public ZohoResponse response() {
        return response;
    }
}
