package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.logging.MaskedMessageConverter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a person is told about a file (routes/notify.yaml: an e-mail, a chat message): it was held, it finished with
 * errors or cleanly, or it was rejected. Counts, the feed, file names, folder paths and a reason; never the contents of
 * a row, never a secret (a reason that happens to hold an e-mail address has it masked).
 *
 * @param kind      what happened
 * @param feed      the feed, as in {@code inbox/<feed>/}
 * @param file      the input's name
 * @param records   records read
 * @param succeeded records that succeeded
 * @param failed    records that failed
 * @param errorCodes the failed records by {@code result_code}
 * @param reason    why it was held or rejected (one line), or null
 * @param release   how to release a held file, or null
 * @param paths     where its files are, relative to the work folder, by label ("Errors", "Held", …)
 * @param workDir   the work folder
 * @param leavers   a roster's leavers (counts only), or null
 */
public record FileNotice(Kind kind, String feed, String file, long records, long succeeded, long failed,
                         Map<String, Long> errorCodes, String reason, String release, Map<String, String> paths,
                         String workDir, Leavers leavers) {

    /**
     * A roster's leavers, as counts (never who): planned, deactivated, failed (and by {@code result_code}), and the
     * protected ones left alone.
     */
    public record Leavers(long planned, long deactivated, long failed, long protectedUsers,
                          Map<String, Long> failedByCode) {

        public Leavers {
            failedByCode = Map.copyOf(failedByCode);
        }
    }

    /** A notice without leavers (not a roster, or not finished). */
    public FileNotice(Kind kind, String feed, String file, long records, long succeeded, long failed,
                      Map<String, Long> errorCodes, String reason, String release, Map<String, String> paths,
                      String workDir) {
        this(kind, feed, file, records, succeeded, failed, errorCodes, reason, release, paths, workDir, null);
    }

    /** What happened to the file; {@link #key} is the notice's {@code zpNoticeKind} header. */
    public enum Kind {
        HELD("held"), ERRORS("errors"), SUCCESS("success"), REJECTED("rejected");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public FileNotice {
        errorCodes = Map.copyOf(errorCodes);
        paths = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(paths));
        reason = reason == null ? null : MaskedMessageConverter.escape(MaskedMessageConverter.mask(reason));
    }

    /** One line: what happened, to which file. */
    public String subject() {
        String where = feed + "/" + file;
        return "[zoho-provisioning] " + switch (kind) {
            case HELD -> "held: " + where;
            case ERRORS -> "errors: " + where + ", " + (failed > 0 || leaversFailed() == 0 ? failed + " of "
                    + (succeeded + failed) + " records failed" + (leaversFailed() > 0 ? ", " : "") : "")
                    + (leaversFailed() > 0 ? leavers.failed() + " of " + leavers.planned() + " leavers not deactivated"
                    : "");
            case SUCCESS -> "done: " + where + ", " + succeeded + " records succeeded";
            case REJECTED -> "rejected: " + where;
        };
    }

    private long leaversFailed() {
        return leavers == null ? 0 : leavers.failed();
    }

    private String leaversText() {
        return leavers == null ? "" : "; leavers: " + leavers.planned() + " planned, " + leavers.deactivated()
                + " deactivated, " + leavers.failed() + " failed, " + leavers.protectedUsers()
                + " protected (left alone)";
    }

    /** The message: what happened and why, the counts, where the files are, what to do. */
    public String text() {
        String where = feed + "/" + file;
        StringBuilder t = new StringBuilder(switch (kind) {
            case HELD -> where + " is held" + (reason == null ? "." : ": " + reason);
            case ERRORS -> where + " finished with errors: " + records + " records, " + succeeded + " succeeded, "
                    + failed + " failed" + leaversText() + ".";
            case SUCCESS -> where + " finished: " + records + " records, all " + succeeded + " succeeded"
                    + leaversText() + ".";
            case REJECTED -> where + " was rejected, nothing of it was sent to Zoho" + (reason == null ? "."
                    : ": " + reason);
        }).append("\n\n");
        if (kind == Kind.HELD) {
            t.append("Records with an outcome: ").append(succeeded + failed).append(" (").append(succeeded)
                    .append(" succeeded, ").append(failed).append(" failed)\n");
        }
        int width = java.util.stream.Stream.concat(paths.keySet().stream(), java.util.stream.Stream.of("Work folder"))
                .mapToInt(String::length).max().orElse(0) + 2;
        paths.forEach((label, path) -> t.append(String.format("%-" + width + "s", label + ":")).append(path).append('\n'));
        t.append(String.format("%-" + width + "s", "Work folder:")).append(workDir).append('\n');
        if (!errorCodes.isEmpty()) {
            t.append("Errors by code: ").append(errorCodes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (leavers != null && !leavers.failedByCode().isEmpty()) {
            t.append("Leavers not deactivated by code: ").append(new java.util.TreeMap<>(leavers.failedByCode())
                    .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        String todo = switch (kind) {
            case HELD -> release == null ? null : "To release it: " + release;
            case ERRORS -> (failed > 0 ? "Fix the rows of the error file and drop it into inbox/" + feed + "/ as it is."
                    : "") + (failed > 0 && leaversFailed() > 0 ? "\n" : "") + (leaversFailed() > 0 ? "The leavers not "
                    + "deactivated are in the leavers' error file, with Zoho's answer (result_code, result_message);"
                    + " the next roster deactivates them if they are still absent from it." : "");
            case SUCCESS -> null;
            case REJECTED -> "Fix the file and drop it into inbox/" + feed + "/ again.";
        };
        if (todo != null) {
            t.append('\n').append(todo).append('\n');
        }
        return t.toString();
    }
}
