package com.zohoprovisioning.pipeline;

import java.util.Locale;

/** The three input (and result) formats, by file extension. */
public enum FileFormat {
    CSV("csv"), JSON("json"), NDJSON("ndjson");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static FileFormat of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (n.endsWith(".json")) {
            return JSON;
        }
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return NDJSON;
        }
        throw new FileRejectedException("the file name must end in .csv, .json, .ndjson or .jsonl");
    }
}
