package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The append-only file of a {@link FileJournal}: one JSON object a line, written by one generator into a buffer of
 * waiting lines (no tree, no string), which goes to the file in one write when a line asks for it (before a call that
 * changes Zoho), when the waiting lines reach {@value #PENDING_MAX} bytes, and on close. Not thread-safe: the journal
 * calls it under its own lock.
 */
final class JournalLines implements Closeable {

    /** The fields of one line, written between its braces. */
    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    static final int PENDING_MAX = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(8192);
    private JsonGenerator gen;
    private OutputStream out;

    JournalLines(Path file) {
        this.file = file;
    }

    /** One line; {@code now}: it (and the lines waiting before it) reach the file before this returns. */
    void write(boolean now, Fields fields) {
        try {
            if (gen == null) {
                gen = JSON.getFactory().createGenerator(pending);
                gen.setRootValueSeparator(null);
            }
            gen.writeStartObject();
            fields.write(gen);
            gen.writeEndObject();
            gen.flush();
            pending.write('\n');
            if (now || pending.size() >= PENDING_MAX) {
                writePending();
            }
        } catch (IOException e) {
            // the lines that waited are dropped with the failed write: their rows end up in doubt or are done again
            throw new UncheckedIOException("cannot write the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The waiting lines to the file, in one write. */
    private void writePending() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        try {
            if (out == null) {
                OutputFiles.file(file);
                out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
            }
            pending.writeTo(out);
            out.flush();
        } finally {
            pending.reset();
        }
    }

    @Override
    public void close() throws IOException {
        writePending();
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
