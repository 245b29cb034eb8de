package com.zohoprovisioning.pipeline;

/** The exchange properties the pipeline keeps a file's and a record's state in, read by the feeds and ops too. */
public final class RunProperties {

    /** The {@link FileRun} of the file being processed. */
    public static final String RUN = "zpRun";
    /** The {@link InputRecord} of a record route. */
    public static final String RECORD = "zpRecord";
    /** The {@link RecordOutcome} of a record, once it has one. */
    public static final String OUTCOME = "zpOutcome";
    /** The feed's name, as in {@code inbox/<feed>}. */
    public static final String FEED = "zpFeed";
    /** Where the input goes once its exchange is complete ({@link InputMove}). */
    public static final String MOVE_TO = "zpMoveTo";
    /** Why a held file was held and how to release it ({@link HeldFile}), set by every hold for its notice. */
    public static final String HELD = "zpHeld";
    /** The absolute path of the input file. */
    public static final String SOURCE = "zpSource";

    private RunProperties() {
    }
}
