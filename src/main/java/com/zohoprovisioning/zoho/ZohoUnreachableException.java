package com.zohoprovisioning.zoho;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The Zoho accounts server could not be reached at start-up (unknown host, connection refused, timeout): the wrong
 * data centre, a wrong {@code zoho.accounts-url}, or the network. Its message is the one line the log shows; the
 * cause (with its stack trace) is logged at DEBUG only.
 */
public class ZohoUnreachableException extends RuntimeException {

    public ZohoUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exception for a failure of a call to {@code accountsUrl}, or null when it is not a network failure. */
    public static ZohoUnreachableException of(String accountsUrl, Throwable failure) {
        String what = null;
        for (Throwable t = failure; t != null && what == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                what = "unknown host (DNS)";
            } else if (t instanceof NoRouteToHostException) {
                what = "no route to host";
            } else if (t instanceof ConnectException) {
                what = "connection refused";
            } else if (t instanceof InterruptedIOException || t instanceof java.net.http.HttpTimeoutException) {
                what = "timed out";
            }
        }
        if (what == null) {
            return null;
        }
        String host = host(accountsUrl);
        return new ZohoUnreachableException("Cannot reach the Zoho accounts server " + host + " (" + what + ", "
                + accountsUrl + "/oauth/v2/token): check zoho.dc (the data centre of the account you sign in at), "
                + "zoho.accounts-url if set, and the network or proxy between this host and " + host, failure);
    }

    private static String host(String url) {
        try {
            URI u = URI.create(url);
            return u.getHost() == null ? url : u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
