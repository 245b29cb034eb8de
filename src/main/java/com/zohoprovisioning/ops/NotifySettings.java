package com.zohoprovisioning.ops;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The notification settings ({@code notify.*}, docs/notifications.md), checked at start, and the ones
 * routes/notify.yaml reads but a user never writes: whether the e-mail and the webhook are on
 * ({@code notify.email.enabled}: {@code notify.email.host} is set; {@code notify.webhook.enabled}:
 * {@code notify.webhook.url} is set), and the JavaMail switches {@code notify.email.tls} stands for.
 */
public final class NotifySettings {

    static final List<String> TLS = List.of("starttls", "ssl", "none");

    private final Settings settings;

    public NotifySettings(Settings settings) {
        this.settings = settings;
    }

    public boolean email() {
        return settings.optionalText("notify.email.host").isPresent();
    }

    public boolean webhook() {
        return settings.optionalText("notify.webhook.url").isPresent();
    }

    /** The SMTP login: notify.email.user and the secret notify.email.password (none without a user). */
    public NotifyMailLogin login() {
        return new NotifyMailLogin(settings.optionalText("notify.email.user").orElse(null),
                settings.optionalText("notify.email.password").orElse(null));
    }

    /** The derived properties, to be added as initial properties; a {@link ConfigurationException} when one is wrong. */
    public Map<String, String> derived() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("notify.email.enabled", String.valueOf(email()));
        out.put("notify.webhook.enabled", String.valueOf(webhook()));
        String tls = settings.text("notify.email.tls").toLowerCase(Locale.ROOT);
        if (!TLS.contains(tls)) {
            throw new ConfigurationException("notify.email.tls=" + tls + ": use starttls, ssl or none");
        }
        out.put("notify.email.starttls", String.valueOf(tls.equals("starttls")));
        out.put("notify.email.ssl", String.valueOf(tls.equals("ssl")));
        if (email()) {
            settings.integer("notify.email.port");
            for (String key : List.of("notify.email.from", "notify.email.to")) {
                if (settings.optionalText(key).isEmpty()) {
                    throw new ConfigurationException(key + " is not set: e-mail notifications (notify.email.host) need it");
                }
            }
        }
        if (webhook()) {
            String scheme = URI.create(settings.text("notify.webhook.url")).getScheme();
            if (scheme == null || !List.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))) {
                throw new ConfigurationException("notify.webhook.url: give an http:// or https:// address");
            }
        }
        return out;
    }

    /**
     * What is told to whom, for the start-up log: e-mail recipients and server, the webhook's host only (the rest
     * of a Slack or Teams webhook address is its secret).
     */
    public String describe() {
        if (!email() && !webhook()) {
            return "Notifications: off (notify.email.host, notify.webhook.url)";
        }
        StringBuilder sb = new StringBuilder("Notifications of held, rejected and failed files")
                .append(settings.bool("notify.on-success") ? " and of clean ones" : "").append(":");
        if (email()) {
            sb.append(" e-mail to ").append(settings.text("notify.email.to")).append(" via ")
                    .append(settings.text("notify.email.host")).append(':').append(settings.text("notify.email.port"))
                    .append(" (").append(settings.text("notify.email.tls").toLowerCase(Locale.ROOT)).append(')');
        }
        if (webhook()) {
            sb.append(email() ? ";" : "").append(" webhook to ")
                    .append(URI.create(settings.text("notify.webhook.url")).getHost());
        }
        return sb.toString();
    }
}
