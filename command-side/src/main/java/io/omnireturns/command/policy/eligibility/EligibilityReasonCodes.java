package io.omnireturns.command.policy.eligibility;

/** Stable reason codes on a {@link io.omnireturns.api.returns.LineDecision}; channels and agents key on these strings. */
public final class EligibilityReasonCodes {

    public static final String ELIGIBLE = "ELIGIBLE";
    public static final String ORDER_LINE_NOT_FOUND = "ORDER_LINE_NOT_FOUND";
    public static final String RETURN_WINDOW_EXPIRED = "RETURN_WINDOW_EXPIRED";
    public static final String FINAL_SALE = "FINAL_SALE";
    public static final String QUANTITY_EXCEEDS_PURCHASED = "QUANTITY_EXCEEDS_PURCHASED";
    public static final String INVALID_QUANTITY = "INVALID_QUANTITY";
    public static final String CHANNEL_NOT_ALLOWED = "CHANNEL_NOT_ALLOWED";
    public static final String DUPLICATE_LINE = "DUPLICATE_LINE";

    private EligibilityReasonCodes() {
    }
}
