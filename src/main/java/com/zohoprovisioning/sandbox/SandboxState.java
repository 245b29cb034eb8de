package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The sandbox org: a JSON tree loaded from the seed file, mutated by the APIs under {@link #lock()}.
 * {@link #reset()} restores the seed.
 *
 * <p>With a state file, the org outlives the process: it is loaded from that file when the file exists (an unreadable
 * one is logged and the seed is used instead), and written back by {@link #save()}, atomically (a temp file beside it,
 * then a move) and owner-only, because it holds personal data. When to save is the owner's choice: {@link ZohoSandbox}
 * marks the state {@link #changed()} after each mutating request and saves it at most once a second, on reset and on
 * close. Without a state file nothing is kept and {@link #save()} does nothing.
 */
public final class SandboxState {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxState.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An id the APIs made: a product prefix and 12 digits ({@link #newId}). */
    private static final Pattern ID = Pattern.compile("\\d{13,19}");
    private static final long FIRST_ID = 900_000;
    private final String seedLocation;
    private final Path stateFile;
    private final Object lock = new Object();
    private final Object saving = new Object();
    private final AtomicLong ids = new AtomicLong(FIRST_ID);
    private ObjectNode root;
    private volatile long generation;
    private volatile boolean changed;

    /** An org that starts from the seed and is kept nowhere. */
    public SandboxState(String seedLocation) {
        this(seedLocation, null);
    }

    /** An org kept in {@code stateFile} (null: kept nowhere), loaded from it when it exists, else from the seed. */
    public SandboxState(String seedLocation, Path stateFile) {
        this.seedLocation = seedLocation;
        this.stateFile = stateFile;
        ObjectNode saved = stateFile == null ? null : loadSaved(stateFile);
        synchronized (lock) {
            root = saved != null ? saved : (ObjectNode) load(seedLocation);
            ids.set(Math.max(FIRST_ID, highestId(root)));
            generation++;
        }
    }

    public Object lock() {
        return lock;
    }

    /** Restores the seed and saves it (when there is a state file). */
    public void reset() {
        synchronized (lock) {
            root = (ObjectNode) load(seedLocation);
            generation++;
            changed = true;
        }
        save();
    }

    /** The file the org is kept in, or null. */
    public Path stateFile() {
        return stateFile;
    }

    /** Notes that the org may have changed since the last save: the next {@link #saveIfChanged()} writes it. Cheap. */
    public void changed() {
        if (!changed) {
            changed = true;
        }
    }

    /** Saves the org if it may have changed since the last save. */
    public void saveIfChanged() {
        if (changed) {
            save();
        }
    }

    /**
     * Writes the org to the state file (nothing without one): serialised under {@link #lock()}, written to a temp file
     * in the same folder and moved over the file, so that a reader or a crash sees the old org or the new one, never
     * half of one. The folder is created owner-only (rwx------) and the file is owner-only (rw-------) on POSIX.
     */
    public void save() {
        if (stateFile == null) {
            return;
        }
        synchronized (saving) {
            byte[] bytes;
            synchronized (lock) {
                changed = false;
                try {
                    bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            try {
                write(stateFile, bytes);
            } catch (IOException e) {
                changed = true;
                throw new UncheckedIOException("cannot save the sandbox org to " + stateFile, e);
            }
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

    private static void write(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (dir.getParent() != null) {
                Files.createDirectories(dir.getParent());
            }
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                    : new FileAttribute<?>[0];
            Files.createDirectory(dir, ownerOnly);
        }
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp", ownerOnly);
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The org in the state file; null (and a warning naming the file) when it is absent, unreadable or not an org. */
    private static ObjectNode loadSaved(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("Cannot read the sandbox org in {} ({}): starting from the seed", file.toAbsolutePath().normalize(),
                    e.toString());
            return null;
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n instanceof ObjectNode o && !o.isEmpty()) {
                LOG.info("Sandbox org loaded from {} (delete it, or run `sandbox --reset`, to start from the seed)",
                        file.toAbsolutePath().normalize());
                return o;
            }
            LOG.warn("The sandbox org in {} is not a JSON object of the org: starting from the seed",
                    file.toAbsolutePath().normalize());
        } catch (IOException e) {
            LOG.warn("The sandbox org in {} is not valid JSON ({}): starting from the seed", file.toAbsolutePath().normalize(),
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return null;
    }

    /** The highest counter value ({@link #newId}'s last 12 digits) among the ids in the org, so new ones do not clash. */
    private static long highestId(JsonNode n) {
        long max = 0;
        if (n.isContainerNode()) {
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                max = Math.max(max, highestId(it.next()));
            }
        } else if (n.isTextual() || n.isIntegralNumber()) {
            String t = n.asText();
            if (ID.matcher(t).matches()) {
                max = Math.max(max, Long.parseLong(t.substring(t.length() - 12)));
            }
        }
        return max;
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
