package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.config.Settings;
import org.apache.camel.spi.Registry;

import java.util.List;
import java.util.Set;

/**
 * A feed: one kind of change, one folder under {@code com/zohoprovisioning/feeds/}, found on the classpath (no list to
 * edit). The folder holds a subclass of this (with a public no-argument constructor), the routes
 * ({@code <feed>.yaml}: its lookups and its record route), the built-in column aliases ({@code aliases.properties}) and the Java its routes call. The shared flow
 * ({@code routes/pipeline.yaml}) gives every feed its inbox, SFTP source, download and result upload.
 */
public abstract class Feed {

    private final String name;
    private final List<String> requiredColumns;
    private final String keyField;
    private final FeedDefinition.SameKey sameKey;
    private final Set<String> profileTargets;

    /**
     * @param name            the inbox subfolder, route id prefix and settings prefix ({@code provisioning.<name>.*})
     * @param requiredColumns the columns a file must have; an entry may list alternatives ({@code email|id})
     * @param keyField        the field that keys a record
     * @param sameKey         what a second record with the same key means: REJECT (DUPLICATE_IN_FILE) or SERIALIZE
     * @param kinds           what a mapping profile may list under {@code feeds:} to apply to this feed besides its
     *                        name, e.g. {@code users}
     */
    protected Feed(String name, List<String> requiredColumns, String keyField, FeedDefinition.SameKey sameKey,
                   String... kinds) {
        this.name = name;
        this.requiredColumns = List.copyOf(requiredColumns);
        this.keyField = keyField;
        this.sameKey = sameKey;
        Set<String> targets = new java.util.LinkedHashSet<>(List.of(kinds));
        targets.add(name);
        this.profileTargets = Set.copyOf(targets);
    }

    public final String name() {
        return name;
    }

    public final List<String> requiredColumns() {
        return requiredColumns;
    }

    public final String keyField() {
        return keyField;
    }

    public final FeedDefinition.SameKey sameKey() {
        return sameKey;
    }

    /** What a mapping profile may list under {@code feeds:} to apply to this feed: its name and its kinds. */
    public final Set<String> profileTargets() {
        return profileTargets;
    }

    /**
     * Whether the feed has roster mode ({@code provisioning.<name>.mode=roster}): its lookups implement
     * {@link RosterDirectory} and its routes have {@code direct:<name>-plan-row} and {@code direct:<name>-leaver}.
     */
    public boolean roster() {
        return false;
    }

    /** A read that needs no file: {@code check} makes it to prove the token reaches what the feed's lookups read. */
    public record Probe(String api, String path, String query) {

        /** As the check prints it: {@code GET /path?query}. */
        public String call() {
            return "GET " + path + (query == null ? "" : "?" + query);
        }
    }

    /**
     * The reads {@code check} makes for this feed: the first page of each list its lookups read (an
     * {@link IllegalStateException} names a setting the feed lacks). None: check skips the feed.
     */
    public List<Probe> probes(Settings settings) {
        return List.of();
    }

    /** The read that names the token's own user ({@code type=CurrentUser}), for the LIVE line; null when none. */
    public Probe currentUser() {
        return null;
    }

    /** Binds the beans its routes call (validator, planner, lookups), configured from the settings. */
    public abstract void bind(Registry registry, Settings settings);
}
