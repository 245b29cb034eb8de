package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
 * outcome lines that waited since the last write; outcome lines wait for at most {@value JournalLines#PENDING_MAX} bytes, and
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
    private final JournalLines lines;

    private FileJournal(Path dir) {
        this.dir = dir;
        this.lines = new JournalLines(dir.resolve(FILE));
    }

    /** The journal folder of this input: keyed by its content, so a renamed or moved-back file resumes too. */
    public static Path dirFor(Path workDir, String feed, Path input) throws IOException {
        return dirFor(workDir, feed, Sha256.of(input));
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
        lines.write(true, g -> {
            writeLeaver(g, u);
            g.writeStringField("sent", "PUT");
        });
    }

    /** The plan digest of a roster run that got past its guard, or null: a resumed run does not ask the guard again. */
    public synchronized String rosterStarted() {
        return rosterStarted;
    }

    /** Roster mode: the file got past the guard with this plan, before its first call. */
    public synchronized void rosterStarted(String digest) {
        lines.write(true, g -> {
            g.writeStringField("roster", digest);
        });
        rosterStarted = digest;
    }

    /** A leaver's outcome: who (for its result line when the run resumes) and what happened. */
    public synchronized void leaver(Leaver u, RecordOutcome o) {
        lines.write(true, g -> {
            writeLeaver(g, u);
            writeOutcome(g, o);
        });
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
        lines.write(true, g -> {
            g.writeNumberField("row", row);
            g.writeStringField("sent", method);
        });
    }

    public synchronized void outcome(long row, RecordOutcome o) {
        lines.write(false, g -> {
            g.writeNumberField("row", row);
            writeOutcome(g, o);
        });
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
        lines.write(true, g -> {
            g.writeStringField("done", archive);
        });
        done = archive;
    }

    @Override
    public synchronized void close() throws IOException {
        lines.close();
    }
}
