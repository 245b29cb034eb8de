package com.zohoprovisioning.ops;

import com.zohoprovisioning.pipeline.FileNotice;
import com.zohoprovisioning.pipeline.FileNotices;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * A notification that could not be delivered once its attempts are used up (routes/error-handling.yaml,
 * {@code notify-errors}): one line, no stack trace, no secret. The import it was about is not concerned.
 */
public final class NotifyFailures {

    /** The exchange property naming the way a notice goes ({@code e-mail}, {@code webhook}), set by its route. */
    public static final String CHANNEL = "zpNotifyChannel";

    private static final Logger LOG = LoggerFactory.getLogger(NotifyFailures.class);
    /** An address's path and query (a Slack or Teams webhook's secret) are left out: scheme and host remain. */
    private static final Pattern URL = Pattern.compile("(https?://[^/\\s?#]+)[^\\s]*");

    private final int attempts;

    /** {@code attempts}: how many times a notice is tried (notify.retry.max-redeliveries + 1). */
    public NotifyFailures(int attempts) {
        this.attempts = attempts;
    }

    public void log(Exchange exchange) {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        FileNotice notice = exchange.getProperty(FileNotices.NOTICE, FileNotice.class);
        LOG.warn("Notification by {} about {} not delivered after {} attempt{}: {}",
                exchange.getProperty(CHANNEL, "?", String.class),
                notice == null ? "a file" : notice.feed() + "/" + notice.file() + " (" + notice.kind().key() + ")",
                attempts, attempts == 1 ? "" : "s", describe(e));
    }

    static String describe(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = e.getClass().getSimpleName() + ": " + message(e)
                + (root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + message(root) + ")");
        return URL.matcher(m).replaceAll("$1/…");
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? "" : e.getMessage().strip();
    }
}
