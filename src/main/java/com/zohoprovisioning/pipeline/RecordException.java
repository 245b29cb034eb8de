package com.zohoprovisioning.pipeline;

/**
 * A record cannot be sent (VALIDATION_FAILED, UNKNOWN_ROLE, DUPLICATE_IN_FILE, …): it goes to the error file. An
 * outcome, not a fault: it carries no stack trace (filling one in through Camel's deep stacks cost more CPU than
 * the rest of the record's way to the error file).
 */
public class RecordException extends RuntimeException {
    private final String code;

    public RecordException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
