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

    @Test
    void nonAsciiAddressesAreMaskedByTheSameRule() {
        LoggerContext ctx = new LoggerContext();
        ctx.putProperty("maskPii", "true");
        MaskedMessageConverter c = new MaskedMessageConverter();
        c.setContext(ctx);
        LoggingEvent e = new LoggingEvent("x", ctx.getLogger("t"), Level.INFO, "user {}, {} and {} failed",
                null, new Object[]{"jürgen.müller@exämple.de", "Ølsen@example.com", "用户@例子.中国"});
        assertThat(c.convert(e)).isEqualTo("user j***@exämple.de, Ø***@example.com and 用***@例子.中国 failed");
    }

    @Test
    void oneLogEventIsOneLineWhateverTheMessageHolds() {
        LoggerContext ctx = new LoggerContext();
        MaskedMessageConverter c = new MaskedMessageConverter();
        c.setContext(ctx);
        LoggingEvent e = new LoggingEvent("x", ctx.getLogger("t"), Level.INFO, "file {} archived", null,
                new Object[]{"a.csv\n12:00:00.000 INFO  [main] c.z.FeedRoutes - forged\r\u2028b\u2029c\u0085d\u0007e\tf"});
        String out = c.convert(e);
        assertThat(out).isEqualTo("file a.csv\\n12:00:00.000 INFO  [main] c.z.FeedRoutes - forged\\r\\u2028b\\u2029c"
                + "\\u0085d\\u0007e\\tf archived");
        assertThat(out).doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085");
        ctx.putProperty("maskPii", "true");
        LoggingEvent m = new LoggingEvent("x", ctx.getLogger("t"), Level.INFO, "bad {}", null,
                new Object[]{"\nkim.lee@example.com"});
        assertThat(c.convert(m)).isEqualTo("bad \\nk***@example.com");
    }

    @Test
    void theMessageConverterOfLogbackXmlEscapesThroughTheRealPattern() throws Exception {
        LoggerContext ctx = new LoggerContext();
        new ch.qos.logback.classic.joran.JoranConfigurator() {{ setContext(ctx); }}
                .doConfigure(getClass().getResource("/logback.xml"));
        ch.qos.logback.classic.encoder.PatternLayoutEncoder enc = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%msg%n");
        enc.start();
        LoggingEvent e = new LoggingEvent("x", ctx.getLogger("com.zohoprovisioning.t"), Level.INFO,
                "picked up {}", null, new Object[]{"evil\n12:00 ERROR forged.csv"});
        String line = new String(enc.encode(e), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("picked up evil\\n12:00 ERROR forged.csv" + System.lineSeparator());
    }
}
