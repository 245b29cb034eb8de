package com.zohoprovisioning.zoho;

/** Zoho's API credits are under the reserve (or spent): no call goes out; the file is held until they come back. */
public class ZohoCreditsLowException extends RuntimeException {
    public ZohoCreditsLowException(String message) {
        super(message);
    }
}
