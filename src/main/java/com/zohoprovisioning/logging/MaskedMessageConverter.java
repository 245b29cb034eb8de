package com.zohoprovisioning.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.regex.Pattern;

/**
 * The log message, with e-mail addresses masked ({@code kim.lee@example.com} → {@code k***@example.com}) when the
 * logger context property {@code maskPii} is {@code true} (set from {@code provisioning.log.mask-pii} at start).
 */
public class MaskedMessageConverter extends MessageConverter {

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    @Override
    public String convert(ILoggingEvent event) {
        String m = super.convert(event);
        return "true".equals(getContext() == null ? null : getContext().getProperty("maskPii")) ? mask(m) : m;
    }

    public static String mask(String s) {
        return s == null ? null : EMAIL.matcher(s).replaceAll("$1***@$2");
    }
}
