package com.zohoprovisioning.pipeline;

/** The outcome of one record: the {@code result_*} fields of its line in the success or error file. */
public record RecordOutcome(boolean success, String action, String id, String code, String message, Integer httpStatus) {

    public static RecordOutcome ok(String action, String id, String code, String message, Integer httpStatus) {
        return new RecordOutcome(true, action, id, code, message, httpStatus);
    }

    public static RecordOutcome error(String action, String code, String message, Integer httpStatus) {
        return new RecordOutcome(false, action, null, code, message, httpStatus);
    }
}
