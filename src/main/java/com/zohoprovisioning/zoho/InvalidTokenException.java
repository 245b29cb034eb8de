package com.zohoprovisioning.zoho;

/** An API answered 401 INVALID_TOKEN: refresh the token once and send the call again. */
public class InvalidTokenException extends RuntimeException {
    private final ZohoResponse response;

    public InvalidTokenException(ZohoResponse response) {
        super(response.code() + ": " + response.message());
        this.response = response;
    }

    public ZohoResponse response() {
        return response;
    }
}
