package io.omnireturns.api.returns;

/** What a person decides when resolving a hold. */
public enum HoldDecision {
    /** Carry on from where the return stopped. */
    RESUME,
    /** Not eligible after review (only before anything was received). */
    REJECT,
    /** Withdrawn (only before anything was received). */
    CANCEL
}
