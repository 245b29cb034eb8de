package com.zohoprovisioning.zoho;

/** The token endpoint refused us (invalid_client, invalid_code, Access Denied): an auth error, not a row error. */
public class ZohoAuthException extends RuntimeException {
    public ZohoAuthException(String message) {
        super(message);
    }
}
