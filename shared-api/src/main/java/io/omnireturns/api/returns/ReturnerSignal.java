package io.omnireturns.api.returns;

/** A serial-returner signal read from our own events; each is a code fraud scoring and the agent's screen receive. */
public enum ReturnerSignal {
    /** Returned value above the configured share of what was bought. */
    HIGH_RETURN_RATE,
    /** More returns started in the last 30 days than configured. */
    HIGH_RETURN_VELOCITY,
    /** A high share of "keep it" returns (refunds without a parcel). */
    HIGH_KEEP_IT_SHARE,
    /** A high share of refunds given at the first carrier scan, before inspection. */
    HIGH_INSTANT_REFUND_SHARE
}
