package com.zohoprovisioning.zoho;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The Zoho accounts server could not be reached at start-up (unknown host, connection refused, timeout): the wrong
 * data centre, a wrong {@code zoho.accounts-url}, or the network. Its message is the one line the log shows; the
 * cause (with its stack trace) is logged at DEBUG only. {@link #apiMessage} is the same line for the API server
 * (a call whose connection could not be made).
 */
public class ZohoUnreachableException extends RuntimeException {

    public ZohoUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exception for a failure of a call to {@code accountsUrl}, or null when it is not a network failure. */
    public static ZohoUnreachableException of(String accountsUrl, Throwable failure) {
        String what = what(failure, true);
        if (what == null) {
            return null;
        }
        String host = host(accountsUrl);
        return new ZohoUnreachableException("Cannot reach the Zoho accounts server " + host + " (" + what + ", "
                + accountsUrl + "/oauth/v2/token): check zoho.dc (the data centre of the account you sign in at), "
                + "zoho.accounts-url if set, and the network or proxy between this host and " + host, failure);
    }

    /**
     * The one line for a call to the API at {@code baseUrl} that could not connect (unknown host, no route,
     * connection refused, connect timeout), or null when the call reached the server (a reset or a read timeout:
     * Zoho's own trouble, told as it is). {@code urlSetting}: the setting that overrides that base URL.
     */
    public static String apiMessage(String baseUrl, String urlSetting, Throwable failure) {
        String what = what(failure, false);
        if (what == null) {
            return null;
        }
        String host = baseUrl == null ? "(unknown)" : host(baseUrl);
        return "Cannot reach the Zoho API server " + host + " (" + what + ", " + baseUrl + "): check zoho.dc (the "
                + "data centre of the account you sign in at), " + urlSetting + " if set, and the network or proxy "
                + "between this host and " + host;
    }

    /**
     * An address that names nothing reachable (unknown host, no route): a wrong address, not a passing fault, so not
     * worth retrying. A refused connection (a proxy or load balancer restarting) and a connect timeout may pass:
     * they are retried like a reset, and only then fail with the same one line.
     */
    public static boolean refusedAtOnce(Throwable failure) {
        String what = what(failure, false);
        return what != null && !what.equals(TIMED_OUT) && !what.equals(REFUSED);
    }

    private static final String REFUSED = "connection refused";

    private static final String TIMED_OUT = "timed out";

    /** What kept the connection from being made; {@code anyTimeout}: a read timeout counts too (the token call). */
    private static String what(Throwable failure, boolean anyTimeout) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host (DNS)";
            } else if (t instanceof NoRouteToHostException) {
                return "no route to host";
            } else if (t instanceof ConnectException) {
                return REFUSED;
            } else if (t instanceof org.apache.hc.client5.http.ConnectTimeoutException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                return TIMED_OUT;
            } else if (anyTimeout && (t instanceof InterruptedIOException
                    || t instanceof java.net.http.HttpTimeoutException)) {
                return TIMED_OUT;
            }
        }
        return null;
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
