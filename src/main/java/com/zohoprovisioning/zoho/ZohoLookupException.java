package com.zohoprovisioning.zoho;

/** A lookup that a whole file depends on (roles, users list…) failed: the file cannot be processed now. */
public class ZohoLookupException extends RuntimeException {
    public ZohoLookupException(String what, ZohoResponse r) {
        super("cannot load " + what + " from Zoho: HTTP " + r.httpStatus() + " " + r.code() + " " + r.message());
    }
}
