package com.zohoprovisioning.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Requests the sandbox received: a counter per endpoint and the most recent requests with their answers. */
public final class RequestLog {

    public record Entry(String method, String path, String query, String endpoint, int status, String body) {
    }

    private static final int KEEP = 2000;
    private final Map<String, Long> counts = new TreeMap<>();
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Map<String, Long> byStatus = new TreeMap<>();
    private long total;

    public synchronized void add(Entry e) {
        counts.merge(e.endpoint(), 1L, Long::sum);
        byStatus.merge(e.endpoint() + " " + e.status(), 1L, Long::sum);
        total++;
        recent.addLast(e);
        if (recent.size() > KEEP) {
            recent.pollFirst();
        }
    }

    public synchronized void clear() {
        counts.clear();
        byStatus.clear();
        recent.clear();
        total = 0;
    }

    public synchronized long count(String endpoint) {
        return counts.getOrDefault(endpoint, 0L);
    }

    public synchronized Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("counts", new TreeMap<>(counts));
        out.put("counts_by_status", new TreeMap<>(byStatus));
        out.put("requests", List.copyOf(recent));
        return out;
    }
}
