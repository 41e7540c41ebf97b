package io.omnireturns.api.returns;

/** How far the retailer trusts a customer's returns, from our own history of them; recorded on CustomerTrustAssessed. */
public enum TrustTier {
    /** Few returns, low rate, nothing unusual. */
    TRUSTED("few returns at a low rate and value in the look-back window, and no serial-returner signal"),
    /** The usual path. */
    STANDARD("neither trusted nor watched, a customer we have never seen return anything included"),
    /** Serial-returner signals: they go to fraud scoring and the agent. */
    WATCHED("at least one serial-returner signal; the signals go to fraud scoring and the agent's screen");

    private final String meaning;

    TrustTier(String meaning) {
        this.meaning = meaning;
    }

    /** One line for the catalogue of codes. */
    public String meaning() {
        return meaning;
    }
}
