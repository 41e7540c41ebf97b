package io.omnireturns.command.policy.trust;

import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.platform.architecture.PlainJava;
import java.util.List;

/** The tier a customer's return history earns, and the serial-returner signals behind a {@code WATCHED} tier. */
@PlainJava
public record TrustAssessment(TrustTier tier, List<ReturnerSignal> signals) {

    public TrustAssessment {
        signals = List.copyOf(signals);
        if (tier == TrustTier.WATCHED == signals.isEmpty()) {
            throw new IllegalArgumentException("a watched customer has signals, and only a watched one");
        }
    }

    public boolean allowsInstantRefund() {
        return tier == TrustTier.TRUSTED;
    }
}
