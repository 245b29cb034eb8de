package com.zohoprovisioning.zoho;

import java.time.Instant;

/** Zoho's API credits are under the reserve (or spent): no call goes out; the file is held until they come back. */
public class ZohoCreditsLowException extends RuntimeException {
    private final Instant resumeAt;

    public ZohoCreditsLowException(String message, Instant resumeAt) {
        super(message);
        this.resumeAt = resumeAt;
    }

    /** When the credits may be back: a held file goes back into its inbox then (service mode). */
    public Instant resumeAt() {
        return resumeAt;
    }
}
