package com.zohoprovisioning.pipeline;

import java.util.Locale;

/**
 * The one check, shared by every validator of e-mail addresses, for characters a reader cannot see: control
 * characters (Unicode category Cc), format characters (Cf: zero-width space U+200B, zero-width joiner U+200D, word
 * joiner U+2060, a byte order mark U+FEFF inside the value, bidi marks…), line and paragraph separators (Zl, Zp)
 * and spaces other than the ASCII one (Zs, such as U+00A0). An address holding one looks like another one and
 * would create a look-alike user.
 */
public final class HiddenCharacters {

    private HiddenCharacters() {
    }

    /** Null when {@code value} holds no hidden character, else "field: holds the invisible character U+XXXX (NAME) at position n". */
    public static String problem(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (hidden(cp)) {
                String name = Character.getName(cp);
                return field + ": holds the invisible character " + codePoint(cp)
                        + (name == null ? "" : " (" + name + ")") + " at position " + (value.codePointCount(0, i) + 1)
                        + "; an address with it looks like another one";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** True for a character of category Cc, Cf, Zl, Zp or a Zs other than the ASCII space. */
    public static boolean hidden(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.SPACE_SEPARATOR -> cp != ' ';
            default -> false;
        };
    }

    /** U+XXXX (at least four hex digits, upper case). */
    public static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
