package com.zohoprovisioning.feeds.mailusers;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Mail accounts of one file's run: e-mail address (primary and aliases, any case) to accountId and zuid.
 * Filled from the paged accounts list, or one GET by e-mail at a time; safe for the parallel record routes.
 */
public final class MailAccounts {

    /** One Mail account: what the PUT needs. */
    public record Account(String accountId, String zuid) {
    }

    private final Map<String, Account> byEmail = new ConcurrentHashMap<>();
    private volatile boolean listed;

    /** Adds the accounts of a Mail answer's {@code data} (a list or one object); returns how many it held. */
    int add(JsonNode data) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            return 0;
        }
        int n = 0;
        for (JsonNode a : data.isArray() ? data : List.of(data)) {
            Account account = account(a);
            if (account == null) {
                continue;
            }
            n++;
            for (String email : emails(a)) {
                byEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), account);
            }
        }
        return n;
    }

    /** The account of a Mail account object, or null when it names no accountId and zuid. */
    static Account account(JsonNode a) {
        String accountId = text(a.get("accountId"));
        String zuid = text(a.get("zuid"));
        return accountId == null || zuid == null ? null : new Account(accountId, zuid);
    }

    /** Every address of an account: primaryEmailAddress, emailAddress (a string or [{mailId}]), incomingUserName. */
    static List<String> emails(JsonNode a) {
        List<String> out = new ArrayList<>();
        addText(out, a.get("primaryEmailAddress"));
        addText(out, a.get("mailId"));
        JsonNode addresses = a.get("emailAddress");
        if (addresses != null && addresses.isArray()) {
            for (JsonNode e : addresses) {
                addText(out, e.isObject() ? e.get("mailId") : e);
            }
        } else {
            addText(out, addresses);
        }
        addText(out, a.get("incomingUserName"));
        return out;
    }

    public Account byEmail(String email) {
        return email == null ? null : byEmail.get(email.toLowerCase(Locale.ROOT));
    }

    void remember(String email, Account account) {
        byEmail.put(email.toLowerCase(Locale.ROOT), account);
    }

    /** True once the whole accounts list was read (lookup strategy {@code list}). */
    public boolean listed() {
        return listed;
    }

    void listed(boolean done) {
        this.listed = done;
    }

    public int size() {
        return byEmail.size();
    }

    private static void addText(List<String> out, JsonNode n) {
        String s = text(n);
        if (s != null && s.contains("@")) {
            out.add(s.trim());
        }
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }
}
