package com.zohoprovisioning.pipeline;

/** The run stopped calling Zoho (runaway guard, unwritable output): this record is kept, untouched, for a later run. */
public class RecordHeldException extends RuntimeException {
    public RecordHeldException(String reason) {
        super(reason);
    }
}
