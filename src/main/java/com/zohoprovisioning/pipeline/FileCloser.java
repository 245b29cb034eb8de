package com.zohoprovisioning.pipeline;

import org.apache.camel.Exchange;

import java.io.IOException;

/**
 * After the split, every record has an outcome or was held: the input, the result files (still in the run's temp
 * folder) and the journal are closed before the file goes anywhere, so that what is published or kept is complete.
 */
public final class FileCloser {

    public void close(Exchange exchange) throws IOException {
        exchange.getProperty(RunProperties.RUN, FileRun.class).closeAll();
    }
}
