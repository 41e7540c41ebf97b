package io.omnireturns.api.analytics;

/** What the daily returns analytics are broken down by. */
public enum AnalyticsDimension {
    /** the return reason code of each line */
    REASON,
    /** the returned item's SKU */
    SKU,
    /** the returned item's category, as the order system names it */
    CATEGORY,
    /** the channel the return was started in (WEB, STORE, CONTACT_CENTRE) */
    CHANNEL,
    /** the store a store return was started in (empty for other channels) */
    STORE
}
