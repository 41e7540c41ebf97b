package io.omnireturns.command.policy.instantrefund;

import io.omnireturns.platform.architecture.PlainJava;
import java.util.Objects;

/**
 * Whether a return's refund is decided at its first carrier scan, as if the items arrive as declared; and if not,
 * why not, as a stable reason code.
 */
@PlainJava
public record EarlyRefundDecision(boolean granted, String reasonCode) {

    public static final String GRANTED = "INSTANT_REFUND_GRANTED";
    public static final String POLICY_OFF = "INSTANT_REFUND_OFF";
    public static final String TIER_NOT_ELIGIBLE = "TRUST_TIER_NOT_ELIGIBLE";
    public static final String NOT_MAIL_BACK = "NOT_A_MAIL_BACK_RETURN";
    public static final String EXCHANGES_OFF = "INSTANT_EXCHANGE_OFF";
    /** The exchange's tax needs the tax service (not the order's proportional share): inspection settles it. */
    public static final String TAX_SERVICE_NEEDED = "TAX_SERVICE_NEEDED";
    public static final String NOT_CLEARED = "FRAUD_NOT_CLEARED";
    public static final String ALREADY_DECIDED = "REFUND_ALREADY_DECIDED";

    public EarlyRefundDecision {
        Objects.requireNonNull(reasonCode, "reasonCode");
        if (granted != GRANTED.equals(reasonCode)) {
            throw new IllegalArgumentException("a granted decision, and only one, carries " + GRANTED);
        }
    }

    static EarlyRefundDecision grant() {
        return new EarlyRefundDecision(true, GRANTED);
    }

    static EarlyRefundDecision decline(String reasonCode) {
        return new EarlyRefundDecision(false, reasonCode);
    }
}
