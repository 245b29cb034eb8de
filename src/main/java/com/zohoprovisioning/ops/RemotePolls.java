package com.zohoprovisioning.ops;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The poll strategy of the remote sources (SFTP): logs a failed poll (server down, auth refused, connection cut)
 * in one clear line, leaves the remote files for the next poll, and remembers per source whether a poll has
 * completed or failed since start, which {@code --once} waits for before it looks at the local inboxes.
 * The HTTPS download routes report here too ({@link #done}, {@link #failed}).
 */
public class RemotePolls implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(RemotePolls.class);

    private final Map<String, AtomicLong> completed = new ConcurrentHashMap<>();
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        String source = source(consumer, endpoint);
        if (lastFailure.remove(source) != null) {
            LOG.info("{}: the remote source answers again", source);
        }
        completed.computeIfAbsent(source, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        failed(source(consumer, endpoint), cause);
        return false;
    }

    /** A download route finished one fetch. */
    public void done(String source) {
        completed.computeIfAbsent(source, k -> new AtomicLong()).incrementAndGet();
        lastFailure.remove(source);
    }

    public void failed(String source, Throwable cause) {
        String reason = describe(cause);
        lastFailure.put(source, reason);
        LOG.warn("{}: poll failed: {}. Remote files are left as they are and tried again on the next poll.", source, reason);
    }

    public long completedPolls(String source) {
        AtomicLong n = completed.get(source);
        return n == null ? 0 : n.get();
    }

    /** The reason of the last poll, when it failed; null when it completed (or none ran yet). */
    public String lastFailure(String source) {
        return lastFailure.get(source);
    }

    private static String source(Consumer consumer, Endpoint endpoint) {
        if (consumer instanceof RouteIdAware ra && ra.getRouteId() != null) {
            return ra.getRouteId();
        }
        return endpoint.toString();
    }

    /** The causes' messages, joined (jsch puts the useful part, "Auth fail", "Connection refused", in the cause). */
    static String describe(Throwable cause) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (sb.indexOf(m) < 0) {
                if (!sb.isEmpty()) {
                    sb.append(": ");
                }
                sb.append(m);
            }
        }
        return sb.toString();
    }
}
