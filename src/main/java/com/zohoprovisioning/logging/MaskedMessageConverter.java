package com.zohoprovisioning.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.regex.Pattern;

/**
 * The log message ({@code %msg}, see logback.xml), always on one line: control characters (CR, LF, tab and the
 * other Unicode Cc) and the line and paragraph separators U+2028/U+2029 are shown escaped ({@code \n}, {@code \r},
 * {@code \t}, {@code \\u2028}…), so that a file name or a value cannot forge log lines. With e-mail addresses masked
 * ({@code kim.lee@example.com} → {@code k***@example.com}, non-ASCII addresses too) when the logger context property
 * {@code maskPii} is {@code true} (set from {@code provisioning.log.mask-pii} at start).
 */
public class MaskedMessageConverter extends MessageConverter {

    private static final String LOCAL = "\\p{L}\\p{M}\\p{N}._%+'-";
    private static final Pattern EMAIL = Pattern.compile("([" + LOCAL + "])[" + LOCAL + "]*@([\\p{L}\\p{M}\\p{N}.-]+\\.[\\p{L}\\p{M}]{2,})");

    @Override
    public String convert(ILoggingEvent event) {
        String m = super.convert(event);
        return escape("true".equals(getContext() == null ? null : getContext().getProperty("maskPii")) ? mask(m) : m);
    }

    public static String mask(String s) {
        return s == null ? null : EMAIL.matcher(s).replaceAll("$1***@$2");
    }

    /** The text on one line: Cc characters, U+2028 and U+2029 escaped; a backslash is left as it is. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !needsEscape(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needsEscape(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
    }
}
