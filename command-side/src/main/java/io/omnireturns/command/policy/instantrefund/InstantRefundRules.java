package io.omnireturns.command.policy.instantrefund;

import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.Objects;
import java.util.Set;

/**
 * The instant-refund policy: whether a mail-back return may be refunded at its first carrier scan, for which trust
 * tiers, whether an exchange is settled then too ({@code exchanges}), and how a shortfall found at inspection is
 * clawed back.
 */
@PlainJava
public record InstantRefundRules(boolean enabled, Set<TrustTier> tiers, ClawbackMode clawbackMode, boolean exchanges) {

    public InstantRefundRules(boolean enabled, Set<TrustTier> tiers, ClawbackMode clawbackMode) {
        this(enabled, tiers, clawbackMode, true);
    }

    public InstantRefundRules {
        tiers = Set.copyOf(tiers);
        Objects.requireNonNull(clawbackMode, "clawbackMode");
        if (tiers.contains(TrustTier.WATCHED)) {
            throw new IllegalArgumentException("a watched customer is never refunded before inspection");
        }
    }

    /** On, for {@code TRUSTED} customers, exchanges included, a shortfall charged back. */
    public static InstantRefundRules defaults() {
        return new InstantRefundRules(true, Set.of(TrustTier.TRUSTED), ClawbackMode.CHARGE, true);
    }
}
