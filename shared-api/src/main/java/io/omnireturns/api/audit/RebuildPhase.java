package io.omnireturns.api.audit;

/** Where a rebuild of a view into its shadow table stands. The last three are final. */
public enum RebuildPhase {
    /** Every return up to the head of the store is being rebuilt into the shadow table. */
    REBUILDING,
    /** The returns whose events arrived since are rebuilt again, pass after pass. */
    CATCHING_UP,
    /** The shadow is checked against the event store before it may replace the live table. */
    VERIFYING,
    /** The live table is locked for a moment, the last events applied and the tables swapped. */
    SWAPPING,
    /** The shadow is the live view now. */
    DONE,
    /** Stopped on an error or a failed verification: the live view was left as it was. */
    FAILED,
    /** Cancelled by operations: the live view was left as it was. */
    CANCELLED;

    public boolean running() {
        return this != DONE && this != FAILED && this != CANCELLED;
    }
}
