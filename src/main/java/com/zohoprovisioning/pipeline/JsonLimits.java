package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON reader's limits, every one of Jackson's {@link StreamReadConstraints}, in two tiers. Per record: Jackson's
 * default limits (string length, number length, key length, nesting depth), checked by {@link JsonValues} as each
 * record is built, so that a value beyond one is an error line for its record and the records after it are read as
 * usual (Jackson cannot resume after its own limit error). In the parser: limits high enough that no value within
 * the per-record limits can reach them (strings have none: one over the per-record limit is skipped unread, see
 * {@link JsonScan}), bounded only to keep memory safe; a file beyond those is rejected by the first pass
 * ({@link JsonScan}) before any record is sent. Document length and token count stay unlimited: the file's size is
 * bounded by {@code provisioning.max-file-bytes}.
 */
final class JsonLimits {

    /** Per record: Jackson's default limits. */
    static final int MAX_STRING_LENGTH = StreamReadConstraints.DEFAULT_MAX_STRING_LEN;
    static final int MAX_NUMBER_LENGTH = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;
    static final int MAX_NAME_LENGTH = StreamReadConstraints.DEFAULT_MAX_NAME_LEN;
    static final int MAX_NESTING_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    /** In the parser: beyond these the whole file is rejected (a number or key of 20 million characters, 100,000 levels). */
    static final int PARSER_MAX_NUMBER_LENGTH = 20_000_000;
    static final int PARSER_MAX_NAME_LENGTH = 20_000_000;
    static final int PARSER_MAX_NESTING_DEPTH = 100_000;

    /** The mapper for input files, with the parser's limits above. */
    static final ObjectMapper INPUT = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(PARSER_MAX_NUMBER_LENGTH)
                    .maxNameLength(PARSER_MAX_NAME_LENGTH)
                    .maxNestingDepth(PARSER_MAX_NESTING_DEPTH)
                    .maxDocumentLength(-1)
                    .maxTokenCount(-1)
                    .build())
            .build());

    private JsonLimits() {
    }

    /** What a parser limit error says, without Jackson's pointer to its own settings. */
    static String describe(StreamConstraintsException e) {
        return String.valueOf(e.getOriginalMessage()).replaceAll(", from `[^`]*`", "");
    }

    /** "line L, column C" where the parser stopped: the error's location, else the parser's (a limit error has none). */
    static String where(JsonProcessingException e, JsonParser p) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
        return at == null ? "an unknown place" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
