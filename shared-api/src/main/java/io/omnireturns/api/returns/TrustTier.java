package io.omnireturns.api.returns;

/** How far the retailer trusts a customer's returns, from our own history of them. */
public enum TrustTier {
    /** Few returns, low rate, nothing unusual: may be refunded at the first carrier scan. */
    TRUSTED,
    /** The usual path: refunded after inspection. */
    STANDARD,
    /** Serial-returner signals: refunded after inspection, and the signals go to fraud scoring and the agent. */
    WATCHED
}
