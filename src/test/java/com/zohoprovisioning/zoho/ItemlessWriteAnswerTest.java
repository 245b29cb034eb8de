package com.zohoprovisioning.zoho;

import com.zohoprovisioning.pipeline.RecordOutcome;
import com.zohoprovisioning.pipeline.RecordOutcomes;
import com.zohoprovisioning.pipeline.RunProperties;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2xx answer to a write with no item for the record (empty, {}, {"users":[]}) proves nothing: the record gets an
 * INVALID_RESPONSE error line, not a "created" it cannot show. A real item, and Mail's envelope, are read as before.
 */
class ItemlessWriteAnswerTest {

    private static ZohoResponse read(int http, String body) {
        return ZohoResponseParser.read(http, body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static RecordOutcome outcome(ZohoResponse r) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(context);
            exchange.setVariable(RecordOutcomes.ACTION, "created");
            exchange.getMessage().setBody(r);
            new RecordOutcomes().fromResponse(exchange);
            return exchange.getProperty(RunProperties.OUTCOME, RecordOutcome.class);
        }
    }

    @Test
    void aWriteAnsweredWithNoItemIsAnErrorLine() throws Exception {
        for (ZohoResponse r : new ZohoResponse[] {read(201, ""), read(200, "{}"), read(200, "{\"users\":[]}")}) {
            assertThat(ZohoResponseParser.itemless(r)).isTrue();
            RecordOutcome o = outcome(r);
            assertThat(o.success()).isFalse();
            assertThat(o.code()).isEqualTo("INVALID_RESPONSE");
            assertThat(o.message()).contains("no result for this record");
        }
    }

    @Test
    void anItemAndMailsEnvelopeAreNotItemless() throws Exception {
        ZohoResponse item = read(201, "{\"users\":[{\"code\":\"SUCCESS\",\"status\":\"success\",\"message\":\"User added\","
                + "\"details\":{\"id\":\"42\"}}]}");
        assertThat(ZohoResponseParser.itemless(item)).isFalse();
        assertThat(outcome(item).code()).isEqualTo("SUCCESS");
        assertThat(ZohoResponseParser.itemless(read(200, "{\"status\":{\"code\":200,\"description\":\"success\"}}")))
                .isFalse();
    }
}
