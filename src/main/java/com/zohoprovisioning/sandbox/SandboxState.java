package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox org: a JSON tree loaded from the seed file, mutated by the APIs under {@link #lock()}.
 * {@link #reset()} restores the seed.
 */
public final class SandboxState {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String seedLocation;
    private final Object lock = new Object();
    private final AtomicLong ids = new AtomicLong(900_000);
    private ObjectNode root;
    private volatile long generation;

    public SandboxState(String seedLocation) {
        this.seedLocation = seedLocation;
        reset();
    }

    public Object lock() {
        return lock;
    }

    public void reset() {
        synchronized (lock) {
            root = (ObjectNode) load(seedLocation);
            generation++;
        }
    }

    /** Changes on every reset, so that APIs can rebuild their indexes. */
    public long generation() {
        return generation;
    }

    public ObjectNode root() {
        return root;
    }

    /** The section of one product ("bigin", "crm", "mail"), created when the seed lacks it. */
    public ObjectNode section(String name) {
        JsonNode n = root.get(name);
        return n instanceof ObjectNode o ? o : root.putObject(name);
    }

    public ArrayNode list(String section, String name) {
        ObjectNode s = section(section);
        JsonNode n = s.get(name);
        return n instanceof ArrayNode a ? a : s.putArray(name);
    }

    /** A new 18-digit id with the given 6-digit prefix style of the product. */
    public String newId(String prefix) {
        return prefix + String.format("%012d", ids.incrementAndGet());
    }

    public String snapshot() {
        synchronized (lock) {
            try {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static JsonNode load(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String res = location.substring("classpath:".length());
                try (InputStream in = SandboxState.class.getClassLoader().getResourceAsStream(res)) {
                    if (in == null) {
                        throw new IllegalArgumentException("sandbox seed not found on the classpath: " + res);
                    }
                    return JSON.readTree(in);
                }
            }
            String file = location.startsWith("file:") ? location.substring(5) : location;
            return JSON.readTree(Files.readAllBytes(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox seed " + location, e);
        }
    }
}
