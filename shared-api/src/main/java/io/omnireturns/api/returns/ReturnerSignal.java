package io.omnireturns.api.returns;

/** A serial-returner signal read from our own events; each is a code fraud scoring and the agent's screen receive. */
public enum ReturnerSignal {
    HIGH_RETURN_RATE("returned value at or above the configured share of what was bought on the orders concerned"),
    HIGH_RETURN_VELOCITY("as many returns started in the last 30 days as configured, or more"),
    HIGH_KEEP_IT_SHARE("a high share of \"keep it\" returns (refunds without a parcel)"),
    HIGH_INSTANT_REFUND_SHARE("a high share of refunds given at the first carrier scan, before inspection");

    private final String meaning;

    ReturnerSignal(String meaning) {
        this.meaning = meaning;
    }

    /** One line for the catalogue of codes. */
    public String meaning() {
        return meaning;
    }
}
