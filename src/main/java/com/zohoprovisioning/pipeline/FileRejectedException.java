package com.zohoprovisioning.pipeline;

/** The file cannot be read at all (not CSV/JSON, required columns missing, too big): it goes to rejected/. */
public class FileRejectedException extends RuntimeException {
    public FileRejectedException(String message) {
        super(message);
    }
}
