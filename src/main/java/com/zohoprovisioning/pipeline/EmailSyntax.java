package com.zohoprovisioning.pipeline;

import java.util.regex.Pattern;

/**
 * The syntax of an e-mail address, the one check of every feed that validates one (bigin-users, crm-users,
 * mail-users): a local part without the characters an unquoted address may not hold ({@code : , ; < > ( ) [ ] \ "}
 * and spaces, so {@code mailto:m@example.com} is refused), one {@code @}, and a domain of dot-separated labels of
 * letters, digits and inner dashes. Plus signs, dots, apostrophes ({@code o'brien@…}) and subdomains are fine.
 */
public final class EmailSyntax {

    private static final String NOT_UNQUOTED = ":,;<>()[]\\\"";
    private static final Pattern ADDRESS = Pattern.compile(
            "^[^@\\s\"<>,;:()\\[\\]\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");

    private EmailSyntax() {
    }

    /** What is wrong with the address, as "{@code field}: …", or null when it is one. */
    public static String problem(String field, String email) {
        int at = email.lastIndexOf('@');
        if (at > 0) {
            String local = email.substring(0, at);
            for (int i = 0; i < local.length(); i++) {
                char c = local.charAt(i);
                if (Character.isWhitespace(c) || NOT_UNQUOTED.indexOf(c) >= 0) {
                    return field + ": '" + email + "' is not an e-mail address: the part before the @ holds "
                            + (Character.isWhitespace(c) ? "a space" : "'" + c + "'")
                            + ", which an address may not hold (none of : , ; < > ( ) [ ] \\ \" or spaces)"
                            + (local.regionMatches(true, 0, "mailto:", 0, 7) ? "; leave out the 'mailto:'" : "");
                }
            }
        }
        return ADDRESS.matcher(email).matches() ? null : field + ": '" + email + "' is not an e-mail address";
    }
}
