package com.zohoprovisioning.pipeline;

import org.apache.camel.Processor;

import java.util.function.Consumer;

/** Record-route steps as processors (a bean step would look its method up and call it by reflection, every record). */
public final class RecordSteps {

    private RecordSteps() {
    }

    /** A validator of the record in the message body, as a step: it throws a RecordException for a bad record. */
    public static Processor validates(Consumer<InputRecord> validator) {
        return ex -> validator.accept(ex.getMessage().getBody(InputRecord.class));
    }
}
