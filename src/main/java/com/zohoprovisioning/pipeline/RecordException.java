package com.zohoprovisioning.pipeline;

/** A record cannot be sent (VALIDATION_FAILED, UNKNOWN_ROLE, DUPLICATE_IN_FILE, …): it goes to the error file. */
public class RecordException extends RuntimeException {
    private final String code;

    public RecordException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
