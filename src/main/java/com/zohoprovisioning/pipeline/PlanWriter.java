package com.zohoprovisioning.pipeline;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A roster file's plan, {@code <file>.plan.csv}: one line per intended change, the rows' first (in file order), then
 * the leavers. Columns: {@code row} (empty for a leaver), {@code action} (add, update, activate, deactivate,
 * unchanged, invalid, leaver, protected), {@code email}, {@code id}, {@code changes} (an update's
 * {@code field: before → after}; an add's {@code field=value}), {@code message}. UTF-8 with a BOM for Excel; cells
 * a spreadsheet would read as formulas are neutralised as in result files.
 */
final class PlanWriter implements Closeable {

    static final String[] HEADER = {"row", "action", "email", "id", "changes", "message"};

    private final CSVPrinter csv;

    PlanWriter(Path path) throws IOException {
        OutputFiles.file(path);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path),
                StandardCharsets.UTF_8));
        out.write('\uFEFF');
        csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord((Object[]) HEADER);
    }

    void line(Long row, String action, String email, String id, String changes, String message) throws IOException {
        csv.printRecord(row == null ? "" : row.toString(), action, cell(email), cell(id), cell(changes),
                cell(message));
    }

    /** {@code field: before → after; …} of an update, or {@code field=value; …} of an add. */
    static String changes(Map<String, Object> sent, Map<String, String> before, boolean add) {
        StringJoiner j = new StringJoiner("; ");
        sent.forEach((k, v) -> {
            if (k.equals("id")) {
                return;
            }
            String after = v == null ? "" : v.toString();
            j.add(add ? k + "=" + after : k + ": " + before.getOrDefault(k, "") + " → " + after);
        });
        return j.toString();
    }

    private static String cell(String v) {
        return v == null ? "" : ResultWriter.neutralise(v);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
