package io.omnireturns.command.policy.trust;

import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.money.Money;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a customer's return history into a trust tier and serial-returner signals. Pure: the history comes from our
 * own events, the thresholds from {@link TrustRules}.
 */
@PlainJava
public final class TrustPolicy {

    private final TrustRules rules;

    public TrustPolicy(TrustRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public TrustAssessment assess(CustomerReturnRecord record) {
        List<ReturnerSignal> signals = signals(record);
        if (!signals.isEmpty()) {
            return new TrustAssessment(TrustTier.WATCHED, signals);
        }
        return new TrustAssessment(trusted(record) ? TrustTier.TRUSTED : TrustTier.STANDARD, List.of());
    }

    private List<ReturnerSignal> signals(CustomerReturnRecord record) {
        List<ReturnerSignal> signals = new ArrayList<>();
        if (record.returns() < rules.signalMinReturns()) {
            return signals;
        }
        if (record.returnRateBasisPoints() >= rules.watchRateBasisPoints()) {
            signals.add(ReturnerSignal.HIGH_RETURN_RATE);
        }
        if (record.returnsLast30Days() >= rules.watchReturnsLast30Days()) {
            signals.add(ReturnerSignal.HIGH_RETURN_VELOCITY);
        }
        if (CustomerReturnRecord.shareBasisPoints(record.keepItReturns(), record.returns())
                >= rules.watchShareBasisPoints()) {
            signals.add(ReturnerSignal.HIGH_KEEP_IT_SHARE);
        }
        if (CustomerReturnRecord.shareBasisPoints(record.instantRefunds(), record.returns())
                >= rules.watchShareBasisPoints()) {
            signals.add(ReturnerSignal.HIGH_INSTANT_REFUND_SHARE);
        }
        return signals;
    }

    private boolean trusted(CustomerReturnRecord record) {
        Money limit = rules.trustedMaxReturnedValue().get(record.returnedValue().currency());
        return limit != null
                && record.returns() >= rules.trustedMinReturns()
                && record.returns() <= rules.trustedMaxReturns()
                && record.returnRateBasisPoints() <= rules.trustedMaxRateBasisPoints()
                && !record.returnedValue().isGreaterThan(limit);
    }
}
