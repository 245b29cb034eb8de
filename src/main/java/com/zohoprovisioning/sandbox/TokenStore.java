package com.zohoprovisioning.sandbox;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Access tokens the sandbox has issued, with their expiry, and the refresh throttle (N per 10 minutes). */
public final class TokenStore {

    private static final long WINDOW_NANOS = 600_000_000_000L;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> expiryNanos = new ConcurrentHashMap<>();
    private final Deque<Long> refreshes = new ArrayDeque<>();
    private final AtomicLong issued = new AtomicLong();
    private volatile long ttlSeconds;
    private volatile int refreshLimit;

    public TokenStore(long ttlSeconds, int refreshLimit) {
        this.ttlSeconds = ttlSeconds;
        this.refreshLimit = refreshLimit;
    }

    public long ttlSeconds() {
        return ttlSeconds;
    }

    public void ttlSeconds(long ttl) {
        this.ttlSeconds = ttl;
    }

    /** A new token, or null when the refresh throttle is hit. */
    public String issue() {
        long now = System.nanoTime();
        synchronized (refreshes) {
            while (!refreshes.isEmpty() && now - refreshes.peekFirst() > WINDOW_NANOS) {
                refreshes.pollFirst();
            }
            if (refreshLimit < 0 || refreshLimit > 0 && refreshes.size() >= refreshLimit) {
                return null;
            }
            refreshes.addLast(now);
        }
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        random.nextBytes(a);
        random.nextBytes(b);
        String token = "1000." + HexFormat.of().formatHex(a) + "." + HexFormat.of().formatHex(b);
        expiryNanos.put(token, now + ttlSeconds * 1_000_000_000L);
        issued.incrementAndGet();
        return token;
    }

    public boolean valid(String token) {
        Long exp = token == null ? null : expiryNanos.get(token);
        return exp != null && System.nanoTime() < exp;
    }

    /** Expires every issued token at once (test hook: the next call gets 401 INVALID_TOKEN). */
    public void expireAll() {
        expiryNanos.clear();
    }

    public long issuedCount() {
        return issued.get();
    }

    /** Refreshes allowed per 10 minutes: 0 no limit, a negative number refuses every refresh (test hook). */
    public void refreshLimit(int limit) {
        this.refreshLimit = limit;
    }

    public void resetThrottle() {
        synchronized (refreshes) {
            refreshes.clear();
        }
    }
}
