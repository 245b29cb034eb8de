package com.zohoprovisioning.pipeline;

/**
 * Why a file was held and how to release it: the exchange property {@code zpHeld} ({@link RunProperties#HELD}) that
 * every hold sets (the runaway guard, a repeated file, the roster guard), beside {@code zpMoveTo} (where the file now
 * is). Its notice ({@link FileNotices#held}, the {@code wireTap} to {@code seda:notify} after each hold in
 * routes/pipeline.yaml) is built from it, whatever held the file.
 *
 * @param guard   what held it, a few words: {@code runaway guard}, {@code repeated file}, {@code roster guard}
 * @param reason  why, one line without row contents (it goes into e-mails and chat messages)
 * @param release how to release it: {@link #approve}, or more
 */
public record HeldFile(String guard, String reason, String release) {

    /** The command that releases a held file: {@code java -jar target/zoho-provisioning.jar approve <feed> <file>}. */
    public static String approve(String feed, String heldName) {
        // after --, a name that starts with a dash is not taken for an option
        return "java -jar target/zoho-provisioning.jar approve " + feed + (heldName.startsWith("-") ? " -- " : " ")
                + quoted(heldName);
    }

    /** A file name as a shell word: as it is when it is plain, in single quotes otherwise. */
    static String quoted(String name) {
        return name.matches("[A-Za-z0-9._@%+=:,-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
    }
}
