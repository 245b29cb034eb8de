package com.zohoprovisioning.pipeline;

import java.util.Locale;

/**
 * The one check, shared by every validator of e-mail addresses, for characters a reader cannot see or tell apart:
 * every Unicode default-ignorable code point (DerivedCoreProperties {@code Default_Ignorable_Code_Point}: zero-width
 * space U+200B and joiners, bidi marks, word joiner U+2060, variation selectors U+FE00-FE0F, Hangul fillers U+115F,
 * U+1160, U+3164 and U+FFA0, tags U+E0000-E0FFF…), every character of category Cc (control), Cf (format), Zl, Zp,
 * Zs other than the ASCII space (U+00A0 and the other spaces), Co (private use), Cs (a lone surrogate) and Cn (not
 * assigned), and characters drawn blank although they are none of those (U+2800 BRAILLE PATTERN BLANK). An address
 * holding one looks like another one and would create a look-alike user.
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

    /** True for a default-ignorable code point, a character of category Cc, Cf, Zl, Zp, Co, Cs, Cn, a Zs other than the ASCII space, or a blank one. */
    public static boolean hidden(int cp) {
        return defaultIgnorable(cp) || blank(cp) || switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> true;
            case Character.SPACE_SEPARATOR -> cp != ' ';
            default -> false;
        };
    }

    /** Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): drawn as nothing when not supported. */
    static boolean defaultIgnorable(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160
                || cp == 0x17B4 || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F)
                || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F)
                || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0
                || (cp >= 0xFFF0 && cp <= 0xFFF8) || (cp >= 0x1BCA0 && cp <= 0x1BCA3)
                || (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    /** Characters that are none of the above but drawn as a blank: U+2800 BRAILLE PATTERN BLANK. */
    private static boolean blank(int cp) {
        return cp == 0x2800;
    }

    /** U+XXXX (at least four hex digits, upper case). */
    public static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
