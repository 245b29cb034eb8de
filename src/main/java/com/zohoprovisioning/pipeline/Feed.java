package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.config.Settings;
import org.apache.camel.spi.Registry;

import java.util.List;
import java.util.Set;

/**
 * A feed: one kind of change, one folder under {@code com/zohoprovisioning/feeds/}, found on the classpath (no list to
 * edit). The folder holds a class implementing this, the routes ({@code <feed>.yaml}: its lookups and its record
 * route), the built-in column aliases ({@code aliases.properties}) and the Java its routes call. The shared flow
 * ({@code routes/pipeline.yaml}) gives every feed its inbox, SFTP source, download and result upload.
 */
public interface Feed {

    /** The inbox subfolder, route id prefix and settings prefix ({@code provisioning.<name>.*}). */
    String name();

    /** The columns a file must have; an entry may list alternatives ({@code email|id}). */
    List<String> requiredColumns();

    /** The field that keys a record (its second record with the same key: see {@link #sameKey()}). */
    String keyField();

    FeedDefinition.SameKey sameKey();

    /** What a mapping profile may list under {@code feeds:} to apply to this feed: its name and, e.g., {@code users}. */
    default Set<String> profileTargets() {
        return Set.of(name());
    }

    /** Binds the beans its routes call (validator, planner, lookups), configured from the settings. */
    void bind(Registry registry, Settings settings);
}
