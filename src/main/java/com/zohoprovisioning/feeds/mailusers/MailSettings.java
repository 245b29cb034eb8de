package com.zohoprovisioning.feeds.mailusers;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The {@code mail.*} settings of the mail-users feed: the organisation id ({@code mail.zoid}; in sandbox mode the
 * seed's zoid when empty), the JSON key that carries the phone number ({@code mail.phone-key}), how accounts are
 * looked up ({@code mail.account-lookup}: {@code email}, the default, or {@code list}) and the list's page size.
 */
public final class MailSettings {

    private static final Logger LOG = LoggerFactory.getLogger(MailSettings.class);

    /** How e-mail addresses become accountId and zuid. */
    public enum Lookup {
        /** One GET /accounts/{email} per record (the default: never more than twice the calls of the best plan). */
        EMAIL,
        /** The paged accounts list once per file; e-mails it lacks are fetched one by one. */
        LIST
    }

    private final String zoid;
    private final String phoneKey;
    private final Lookup lookup;
    private final int pageSize;

    public MailSettings(String zoid, String phoneKey, Lookup lookup, int pageSize) {
        this.zoid = blank(zoid);
        this.phoneKey = phoneKey;
        this.lookup = lookup;
        this.pageSize = pageSize;
    }

    /** From the settings; in sandbox mode the application sets {@code mail.zoid} to the sandbox's when it is empty. */
    public static MailSettings from(Settings settings) {
        String zoid = settings.optionalText("mail.zoid").orElse(null);
        if (zoid == null) {
            LOG.warn("mail.zoid is not set: files dropped into inbox/mail-users/ will wait there until it is");
        }
        String lookup = settings.text("mail.account-lookup");
        Lookup l;
        try {
            l = Lookup.valueOf(lookup.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("mail.account-lookup=" + lookup + ": use list or email");
        }
        String size = settings.text("mail.page-size");
        int pageSize;
        try {
            pageSize = Integer.parseInt(size);
        } catch (NumberFormatException e) {
            pageSize = 0;
        }
        if (pageSize < 1) {
            throw new ConfigurationException("mail.page-size=" + size + ": use a whole number of 1 or more");
        }
        return new MailSettings(zoid, settings.text("mail.phone-key"), l, pageSize);
    }

    /** The Mail organisation id; a {@link ConfigurationException} when it is not configured. */
    public String zoid() {
        if (zoid == null) {
            throw new ConfigurationException("mail.zoid is not set: set it to the Zoho Mail organisation id (Mail's "
                    + "Get Organization Details API, or Mail Admin Console > Organization) to process mail-users files");
        }
        return zoid;
    }

    public String phoneKey() {
        return phoneKey;
    }

    public Lookup lookup() {
        return lookup;
    }

    public int pageSize() {
        return pageSize;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
