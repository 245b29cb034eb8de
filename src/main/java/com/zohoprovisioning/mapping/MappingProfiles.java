package com.zohoprovisioning.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The mapping profiles of one feed: the built-in ones (classpath {@code config/mappings/}) and the admin's own
 * ({@code <config-dir>/mappings/*.yaml}, which may also replace a built-in one of the same name). Picks the profile
 * of a header row, and knows the lines that may come before a header.
 */
public final class MappingProfiles {

    public static final List<String> BUILT_IN = List.of("google-workspace-download", "google-workspace-bulk-update",
            "entra-bulk-create", "entra-download", "microsoft-365-add-users", "microsoft-365-export", "okta-import");
    /** Lines any export may start with, whatever its profile. */
    static final List<MappingProfile.LineRule> GENERIC_PREAMBLE = List.of(new MappingProfile.LineRule(
            Pattern.compile("^\"?#TYPE\\b"), "PowerShell #TYPE line before the header"));

    private final Map<String, MappingProfile> byName;

    public MappingProfiles(Collection<MappingProfile> profiles) {
        byName = new LinkedHashMap<>();
        for (MappingProfile p : profiles) {
            byName.put(p.name().toLowerCase(Locale.ROOT), p);
        }
    }

    public static MappingProfiles none() {
        return new MappingProfiles(List.of());
    }

    /**
     * The built-in profiles and those in {@code configDir/mappings/}, keeping the ones that apply to a feed: those
     * whose {@code feeds:} names one of its targets (its name, or a kind such as {@code users}).
     */
    public static MappingProfiles load(java.util.Set<String> targets, Path configDir) {
        Map<String, MappingProfile> all = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            String res = "config/mappings/" + name + ".yaml";
            try (InputStream in = MappingProfiles.class.getClassLoader().getResourceAsStream(res)) {
                if (in == null) {
                    throw new IllegalStateException("built-in mapping profile " + res + " is missing from the jar");
                }
                MappingProfile p = ProfileLoader.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), res);
                all.put(p.name().toLowerCase(Locale.ROOT), p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path dir = configDir == null ? null : configDir.resolve("mappings");
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches("(?i).*\\.ya?ml")).sorted().toList()) {
                    String stem = f.getFileName().toString().replaceFirst("(?i)\\.ya?ml$", "");
                    MappingProfile p = ProfileLoader.parse(stem, Files.readString(f, StandardCharsets.UTF_8), f.toString());
                    all.put(p.name().toLowerCase(Locale.ROOT), p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mapping profiles in " + dir, e);
            }
        }
        List<MappingProfile> mine = new ArrayList<>();
        for (MappingProfile p : all.values()) {
            if (p.feeds().stream().anyMatch(targets::contains)) {
                mine.add(p);
            }
        }
        return new MappingProfiles(mine);
    }

    public MappingProfile byName(String name) {
        return name == null ? null : byName.get(name.trim().toLowerCase(Locale.ROOT));
    }

    public Collection<MappingProfile> all() {
        return byName.values();
    }

    public List<String> names() {
        return byName.values().stream().map(MappingProfile::name).toList();
    }

    /** The profile whose detect headers are all in the header row (the one naming most of them), or null. */
    public MappingProfile detect(Collection<String> headers) {
        MappingProfile best = null;
        int bestScore = 0;
        for (MappingProfile p : byName.values()) {
            int s = p.score(headers);
            if (s > bestScore) {
                best = p;
                bestScore = s;
            }
        }
        return best;
    }

    /** The generic lines before a header, then every profile's. */
    public List<MappingProfile.LineRule> preamble() {
        List<MappingProfile.LineRule> out = new ArrayList<>(GENERIC_PREAMBLE);
        for (MappingProfile p : byName.values()) {
            out.addAll(p.preamble());
        }
        return out;
    }
}
