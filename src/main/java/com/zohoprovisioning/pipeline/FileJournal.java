package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The append-only journal of one input file ({@code .journal/<feed>/<sha-256 of the content>/journal.ndjson}), one
 * JSON line per event: {@code {"row":7,"sent":"POST"}} before a call that changes Zoho, {@code {"row":7,"outcome":{…}}}
 * once the record has its outcome, {@code {"done":"archive/…"}} once the results are published. A restarted run
 * reads it back: rows with an outcome are not sent again (their result lines are rewritten from here), rows sent
 * without an outcome are "in doubt" and reconciled by a lookup. A torn last line (the process died while writing it)
 * is ignored.
 * <p>
 * A "sent" line reaches the file (the operating system) before its call goes out, in one write together with the
 * outcome lines that waited since the last write; outcome lines wait for at most {@value #PENDING_MAX} bytes, and
 * {@link #done} and {@link #close} write them too. A run killed before its waiting outcomes were written finds
 * those rows in doubt (reconciled, never sent blindly again) or, when they made no call, does them again: one
 * write per record instead of two.
 */
public final class FileJournal implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String FILE = "journal.ndjson";

    private final Path dir;
    private final Map<Long, RecordOutcome> outcomes = new HashMap<>();
    private final Map<Long, String> sent = new HashMap<>();
    private final Map<String, LeaverDone> leavers = new HashMap<>();
    private final Map<String, Leaver> leaversSent = new HashMap<>();
    private String rosterStarted;
    private String done;
    private OutputStream out;
    /** The lines not yet written to the file. */
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream(8192);
    static final int PENDING_MAX = 64 * 1024;
    private JsonGenerator gen;

    private FileJournal(Path dir) {
        this.dir = dir;
    }

    /** The journal folder of this input: keyed by its content, so a renamed or moved-back file resumes too. */
    public static Path dirFor(Path workDir, String feed, Path input) throws IOException {
        return dirFor(workDir, feed, sha256(input));
    }

    /** The journal folder of an input whose SHA-256 (hex) is known. */
    static Path dirFor(Path workDir, String feed, String sha256) {
        return workDir.resolve(".journal").resolve(feed).resolve(sha256.substring(0, 32));
    }

    public static FileJournal open(Path dir) throws IOException {
        FileJournal j = new FileJournal(dir);
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    j.replay(line);
                }
            }
        }
        return j;
    }

    private void replay(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            return; // a torn last line: that event did not happen as far as we know
        }
        if (n == null || !n.isObject()) {
            return;
        }
        if (n.has("done")) {
            done = n.get("done").asText();
        } else if (n.has("leaver")) {
            Leaver l = new Leaver(n.get("leaver").asText(), text(n, "email"), text(n, "first_name"),
                    text(n, "last_name"), text(n, "profile"));
            if (n.has("outcome")) {
                leavers.put(l.id(), new LeaverDone(l, outcomeOf(n.get("outcome"))));
            } else {
                leaversSent.put(l.id(), l);
            }
        } else if (n.has("outcome")) {
            JsonNode o = n.get("outcome");
            outcomes.put(n.get("row").asLong(), outcomeOf(o));
        } else if (n.has("roster")) {
            rosterStarted = n.get("roster").asText();
        } else if (n.has("sent")) {
            sent.put(n.get("row").asLong(), n.get("sent").asText());
        }
    }

    private static RecordOutcome outcomeOf(JsonNode o) {
        return new RecordOutcome(o.path("success").asBoolean(), text(o, "action"), text(o, "id"), text(o, "code"),
                text(o, "message"), o.hasNonNull("http") ? o.get("http").asInt() : null);
    }

    /** A leaver an earlier run of this file deactivated (or failed to): who, and the outcome. */
    public record LeaverDone(Leaver leaver, RecordOutcome outcome) {
    }

    /** The leavers an earlier run journalled an outcome for, by Zoho id (roster mode). */
    public synchronized Map<String, LeaverDone> leavers() {
        return Map.copyOf(leavers);
    }

    /** The leavers an earlier run sent a deactivation for without journalling its answer, by Zoho id. */
    public synchronized Map<String, Leaver> leaversInDoubt() {
        Map<String, Leaver> m = new HashMap<>(leaversSent);
        m.keySet().removeAll(leavers.keySet());
        return m;
    }

    /** Before a leaver's deactivation goes out: who, so that a run killed before the answer can reconcile it. */
    public synchronized void leaverSent(Leaver u) {
        try {
            JsonGenerator g = line();
            writeLeaver(g, u);
            g.writeStringField("sent", "PUT");
            append(g, true);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The plan digest of a roster run that got past its guard, or null: a resumed run does not ask the guard again. */
    public synchronized String rosterStarted() {
        return rosterStarted;
    }

    /** Roster mode: the file got past the guard with this plan, before its first call. */
    public synchronized void rosterStarted(String digest) {
        try {
            JsonGenerator g = line();
            g.writeStringField("roster", digest);
            append(g, true);
        } catch (IOException e) {
            throw failed(e);
        }
        rosterStarted = digest;
    }

    /** A leaver's outcome: who (for its result line when the run resumes) and what happened. */
    public synchronized void leaver(Leaver u, RecordOutcome o) {
        try {
            JsonGenerator g = line();
            writeLeaver(g, u);
            writeOutcome(g, o);
            append(g, true);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static String text(JsonNode o, String f) {
        return o.hasNonNull(f) ? o.get(f).asText() : null;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The outcome an earlier run journalled for this row, or null. Each row is asked once, as it is read, so the
     * entry is dropped: memory holds only what an earlier run left and not yet read, never this run's own lines.
     */
    public synchronized RecordOutcome outcome(long row) {
        RecordOutcome o = outcomes.remove(row);
        if (o != null) {
            sent.remove(row);
        }
        return o;
    }

    /** The method of a call an earlier run sent for this row whose answer never came, or null (asked once). */
    public synchronized String inDoubt(long row) {
        return outcomes.containsKey(row) ? null : sent.remove(row);
    }

    public synchronized int outcomes() {
        return outcomes.size();
    }

    public synchronized long inDoubtCount() {
        return sent.keySet().stream().filter(r -> !outcomes.containsKey(r)).count();
    }

    /** Where the finished file was archived, when an earlier run got that far. */
    public synchronized String done() {
        return done;
    }

    public synchronized void sent(long row, String method) {
        try {
            JsonGenerator g = line();
            g.writeNumberField("row", row);
            g.writeStringField("sent", method);
            append(g, true);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    public synchronized void outcome(long row, RecordOutcome o) {
        try {
            JsonGenerator g = line();
            g.writeNumberField("row", row);
            writeOutcome(g, o);
            append(g, false);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static void writeLeaver(JsonGenerator g, Leaver u) throws IOException {
        g.writeStringField("leaver", u.id());
        g.writeStringField("email", u.email());
        g.writeStringField("first_name", u.firstName());
        g.writeStringField("last_name", u.lastName());
        g.writeStringField("profile", u.profile());
    }

    private static void writeOutcome(JsonGenerator g, RecordOutcome o) throws IOException {
        g.writeObjectFieldStart("outcome");
        g.writeBooleanField("success", o.success());
        g.writeStringField("action", o.action());
        g.writeStringField("id", o.id());
        g.writeStringField("code", o.code());
        g.writeStringField("message", o.message());
        if (o.httpStatus() != null) {
            g.writeNumberField("http", o.httpStatus());
        }
        g.writeEndObject();
    }

    public synchronized void done(String archive) {
        try {
            JsonGenerator g = line();
            g.writeStringField("done", archive);
            append(g, true);
        } catch (IOException e) {
            throw failed(e);
        }
        done = archive;
    }

    /** Starts one line: a JSON object written by one generator after the waiting lines (no tree, no string). */
    private JsonGenerator line() throws IOException {
        if (gen == null) {
            gen = JSON.getFactory().createGenerator(pending);
            gen.setRootValueSeparator(null);
        }
        gen.writeStartObject();
        return gen;
    }

    /** Ends the line; it waits for the next write unless {@code write} or the waiting lines are many. */
    private void append(JsonGenerator g, boolean write) throws IOException {
        g.writeEndObject();
        g.flush();
        pending.write('\n');
        if (write || pending.size() >= PENDING_MAX) {
            writePending();
        }
    }

    /** The waiting lines to the file, in one write. */
    private void writePending() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        try {
            if (out == null) {
                OutputFiles.file(dir.resolve(FILE));
                out = Files.newOutputStream(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
            }
            pending.writeTo(out);
            out.flush();
        } finally {
            pending.reset();
        }
    }

    private UncheckedIOException failed(IOException e) {
        // the lines that waited are dropped with the failed write: their rows end up in doubt or are done again
        return new UncheckedIOException("cannot write the journal " + dir.resolve(FILE) + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() throws IOException {
        writePending();
        if (out != null) {
            out.close();
            out = null;
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
