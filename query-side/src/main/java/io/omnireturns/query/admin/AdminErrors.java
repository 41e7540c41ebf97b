package io.omnireturns.query.admin;

/** The stable error codes of the operations API. */
public final class AdminErrors {

    /** No event processor with that name on this instance (404). */
    public static final String UNKNOWN_PROCESSOR = "UNKNOWN_PROCESSOR";
    /** A saga, a command-side handler or any processor not listed as replayable (409). */
    public static final String PROCESSOR_NOT_REPLAYABLE = "PROCESSOR_NOT_REPLAYABLE";
    /** The processor is replaying already (409). */
    public static final String REPLAY_IN_PROGRESS = "REPLAY_IN_PROGRESS";
    /** Another instance still claims segments of the processor: stop it there first (409). */
    public static final String PROCESSOR_CLAIMED_ELSEWHERE = "PROCESSOR_CLAIMED_ELSEWHERE";
    /** No view with that name can be verified (404). */
    public static final String UNKNOWN_VIEW = "UNKNOWN_VIEW";
    /** The view's processor has not reached the head of the event store (replaying or lagging) (409). */
    public static final String VIEW_NOT_CAUGHT_UP = "VIEW_NOT_CAUGHT_UP";
    /** A verification of the view is running already (409). */
    public static final String VERIFICATION_IN_PROGRESS = "VERIFICATION_IN_PROGRESS";

    /** A rebuild of the view is running, on this or another instance (409). */
    public static final String REBUILD_IN_PROGRESS = "REBUILD_IN_PROGRESS";
    /** The view has never been rebuilt (404). */
    public static final String NO_REBUILD = "NO_REBUILD";
    /** No rebuild of the view is running: nothing to cancel (409). */
    public static final String NO_REBUILD_RUNNING = "NO_REBUILD_RUNNING";

    private AdminErrors() {
    }
}
