package com.zohoprovisioning.zoho;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Clears the message headers before one attempt of a Zoho call (no header of the input file or of an earlier
 * answer may leak into the request), keeping Camel's {@code CamelRedelivery*} counters that the retries need.
 * The same as {@code removeHeaders: {pattern: "*", excludePattern: "CamelRedelivery*"}}, without the regular
 * expression Camel compiles for every header name that does not match the exclude pattern.
 */
public class CleanRequestHeaders implements Processor {

    static final String KEEP = "CamelRedelivery";

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().getHeaders().keySet().removeIf(name -> !name.startsWith(KEEP));
    }
}
