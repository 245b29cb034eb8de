package com.zohoprovisioning.pipeline;

import java.util.Map;

/**
 * One record of an input file: its 1-based number, its original fields in file order (column name as written
 * to raw value: a String, or a Jackson node for JSON), and the same values under our field names (trimmed,
 * {@code result_*} left out). {@code problem} is set when the record itself could not be read (a bad NDJSON line).
 */
public final class InputRecord {

    private final long row;
    private final Map<String, Object> original;
    private final Map<String, String> fields;
    private final String problem;
    private final java.util.Set<String> defaulted = new java.util.HashSet<>();
    /** The original file's row, from a {@code result_row} cell; 0 when there is none. */
    long earlierRow;
    /** Its place among the records read ({@link ResultOrder}); -1 until the record stream gives it one. */
    long seq = -1;
    private volatile Long duplicateOf;
    private volatile String key;
    private volatile String inDoubt;
    private java.util.concurrent.CompletableFuture<Void> previousTurn;
    private java.util.concurrent.CompletableFuture<Void> turn;

    public InputRecord(long row, Map<String, Object> original, Map<String, String> fields, String problem) {
        this.row = row;
        this.original = original;
        this.fields = fields;
        this.problem = problem;
    }

    public long row() {
        return row;
    }

    /**
     * The row its result names ({@code result_row}): the row of the original file when this file is a result file
     * dropped back (its {@code result_row} column, see {@link #fromEarlierRow}), else {@link #row}.
     */
    public long resultRow() {
        return earlierRow > 0 ? earlierRow : row;
    }

    /** True when it comes from an earlier run's result file dropped back (it carries that file's result_row). */
    public boolean fromResultFile() {
        return earlierRow > 0;
    }

    /**
     * The {@code result_row} cell of an earlier run's result file (the original file's row), when it is a positive
     * whole number; anything else is ignored, as every {@code result_*} cell is on input.
     */
    void fromEarlierRow(Object cell) {
        String v = cell instanceof com.fasterxml.jackson.databind.JsonNode n ? (n.isIntegralNumber() ? n.asText()
                : n.isTextual() ? n.asText() : "") : cell == null ? "" : cell.toString().trim();
        if (!v.isEmpty() && v.length() < 19 && v.chars().allMatch(Character::isDigit)) {
            earlierRow = Long.parseLong(v);
        }
    }

    public Map<String, Object> original() {
        return original;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** Our field's value, or null when the column is absent or empty. */
    public String get(String field) {
        String v = fields.get(field);
        return v == null || v.isEmpty() ? null : v;
    }

    public boolean has(String field) {
        return get(field) != null;
    }

    /** Sets a field from a default (a feed setting or a mapping profile): see {@link #isDefault}. */
    public void putDefault(String field, String value) {
        fields.put(field, value);
        defaulted.add(field);
    }

    /** True when the field's value came from a default, not from the file: a default never changes an existing user. */
    public boolean isDefault(String field) {
        return defaulted.contains(field);
    }

    /** This record with a problem found while reading it (its earlier row kept). */
    InputRecord withProblem(String newProblem) {
        InputRecord r = new InputRecord(row, original, fields, newProblem);
        r.earlierRow = earlierRow;
        return r;
    }

    public String problem() {
        return problem;
    }

    public Long duplicateOf() {
        return duplicateOf;
    }

    /** The key the file's order knows this record by (its key field, or what the lookups say of the id it names). */
    public String key() {
        return key;
    }

    /**
     * The method (POST, PUT…) of a call an earlier, interrupted run sent for this record without getting the answer,
     * or null. A request builder reconciles it (looks the user up) before sending anything again.
     */
    public String inDoubt() {
        return inDoubt;
    }

    void markInDoubt(String method) {
        this.inDoubt = method;
    }

    void markDuplicateOf(long firstRow, String key) {
        this.duplicateOf = firstRow;
        this.key = key;
    }

    /** Records with the same key (serialised feeds) run one after another: wait for the previous one. */
    void turn(java.util.concurrent.CompletableFuture<Void> previous, java.util.concurrent.CompletableFuture<Void> mine) {
        this.previousTurn = previous;
        this.turn = mine;
    }

    void awaitTurn() {
        if (previousTurn != null) {
            previousTurn.join();
        }
    }

    void endTurn() {
        if (turn != null) {
            turn.complete(null);
        }
    }


    @Override
    public String toString() {
        return "record " + row;
    }
}
