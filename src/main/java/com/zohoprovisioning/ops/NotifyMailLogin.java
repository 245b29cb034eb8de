package com.zohoprovisioning.ops;

import jakarta.mail.PasswordAuthentication;
import org.apache.camel.component.mail.MailAuthenticator;

/**
 * The SMTP login of the notification e-mails (routes/notify.yaml, {@code authenticator: "#notifyMailLogin"}):
 * {@code notify.email.user} and the secret {@code notify.email.password}, kept out of the endpoint's URI. No user, no
 * SMTP AUTH (camel-mail would try one with an empty user name).
 */
public final class NotifyMailLogin extends MailAuthenticator {

    private final String user;
    private final String password;

    /** {@code user} and {@code password}: null when not set. */
    public NotifyMailLogin(String user, String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    public PasswordAuthentication getPasswordAuthentication() {
        return user == null ? new PasswordAuthentication(null, null) : new PasswordAuthentication(user, password);
    }

    @Override
    public String toString() {
        return "NotifyMailLogin[" + (user == null ? "no login" : user) + "]";
    }
}
