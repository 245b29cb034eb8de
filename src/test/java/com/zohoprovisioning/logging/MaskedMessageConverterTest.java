package com.zohoprovisioning.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** provisioning.log.mask-pii: e-mail addresses in log messages are masked when the switch is on, kept when off. */
class MaskedMessageConverterTest {

    @Test
    void emailsAreMaskedOnlyWhenSwitchedOn() {
        LoggerContext ctx = new LoggerContext();
        MaskedMessageConverter c = new MaskedMessageConverter();
        c.setContext(ctx);
        LoggingEvent e = new LoggingEvent("x", ctx.getLogger("t"), Level.INFO, "user {} and {} failed",
                null, new Object[]{"kim.lee@example.com", "o'hara@zylker.co.uk"});
        assertThat(c.convert(e)).isEqualTo("user kim.lee@example.com and o'hara@zylker.co.uk failed");
        ctx.putProperty("maskPii", "true");
        assertThat(c.convert(e)).isEqualTo("user k***@example.com and o***@zylker.co.uk failed");
    }
}
