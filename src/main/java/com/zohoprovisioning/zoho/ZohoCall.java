package com.zohoprovisioning.zoho;

import org.apache.camel.Exchange;

import java.util.Map;

/**
 * One Zoho call while its attempts run (a {@code zoho:} endpoint), held as the exchange's one property
 * {@value #PROPERTY}:
 * <ul>
 *   <li>the request: method, path, query, the endpoint's name for the counters (e.g.
 *       {@code PUT /bigin/v1/users/{id}}) and the body;</li>
 *   <li>the caller's properties, set aside until the call ends (the producer puts them back): every
 *       attempt copies the exchange's properties three times (the retries' error handler, the circuit breaker's copy
 *       in and out), so the fewer the properties, the less work per call;</li>
 *   <li>the state of the attempts: the journal's "sent" line written, the token sent, when the attempt started,
 *       and the retry budget's counters ({@link ZohoRetryBudget}).</li>
 * </ul>
 * The attempts of one call run one after another, never at once.
 */
public final class ZohoCall {

    public static final String PROPERTY = "zpZohoCall";
    /** Set on the exchange after a call some of whose attempts never got an answer. */
    public static final String IO_FAILURES = "zpRetryIoFailures";

    private final String api;
    private final String method;
    private final String path;
    private final String query;
    private final String endpoint;
    private final Object body;
    private final Map<String, Object> caller;

    private volatile boolean journaled;
    private volatile String tokenUsed;
    private volatile long attemptStartedNanos;
    private volatile int failures;
    private volatile Exception lastFailure;
    private volatile int ioFailures;
    private volatile long pausedSinceNanos;
    private volatile boolean paused;
    private volatile AdaptiveLimit.Permit permit;
    private volatile int aloneRateLimited;
    private final java.util.concurrent.atomic.AtomicBoolean creditCounted = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long creditSent;

    public ZohoCall(String api, String method, String path, String query, String endpoint, Object body,
                    Map<String, Object> caller) {
        this.api = api;
        this.method = method;
        this.path = path;
        this.query = query;
        this.endpoint = endpoint;
        this.body = body;
        this.caller = caller;
    }

    /** The call the exchange is making, or null outside a zoho: endpoint. */
    public static ZohoCall of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, ZohoCall.class);
    }

    public String api() {
        return api;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String query() {
        return query;
    }

    public String endpoint() {
        return endpoint;
    }

    public Object body() {
        return body;
    }

    /** One of the caller's properties, set aside while the call runs. */
    public <T> T caller(String name, Class<T> type) {
        Object v = caller.get(name);
        return type.isInstance(v) ? type.cast(v) : null;
    }

    Map<String, Object> callerProperties() {
        return caller;
    }

    /** Whether the journal has this call's "sent" line (written once, before the first attempt). */
    public boolean journaled() {
        return journaled;
    }

    public void journaled(boolean value) {
        journaled = value;
    }

    String tokenUsed() {
        return tokenUsed;
    }

    void tokenUsed(String value) {
        tokenUsed = value;
    }

    /** {@link System#nanoTime()} when the current attempt went out (for the latency timer). */
    public long attemptStartedNanos() {
        return attemptStartedNanos;
    }

    public void attemptStarted(long nanos) {
        attemptStartedNanos = nanos;
    }

    int failures() {
        return failures;
    }

    /** Counts a failed attempt once (the retry predicate may see the same exception more than once). */
    void failed(Exception e, boolean io) {
        if (e != lastFailure) {
            lastFailure = e;
            failures++;
            if (io) {
                ioFailures++;
            }
        }
    }

    /** Attempts whose answer never came (reset, timeout). */
    public int ioFailures() {
        return ioFailures;
    }

    /** Attempts answered 429 while no other call of the API was in flight. */
    int aloneRateLimited() {
        return aloneRateLimited;
    }

    void rateLimitedAlone() {
        aloneRateLimited++;
    }

    /** The place among the API's calls in flight this attempt holds, or null. */
    AdaptiveLimit.Permit permit() {
        return permit;
    }

    void permit(AdaptiveLimit.Permit p) {
        permit = p;
    }

    /** Sets whether this attempt counts among its API's calls in flight for the credits; returns what it was. */
    boolean creditCounted(boolean value) {
        return creditCounted.getAndSet(value);
    }

    /** This attempt's place in its API's sending order (for the credits: which answer is the newer news). */
    long creditSent() {
        return creditSent;
    }

    void creditSent(long n) {
        creditSent = n;
    }

    /** When the circuit breaker first refused this call (it has been paused since). */
    long pausedSince(long now) {
        if (!paused) {
            paused = true;
            pausedSinceNanos = now;
        }
        return pausedSinceNanos;
    }
}
