package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;

import java.util.ArrayList;
import java.util.List;

/**
 * What the process knows of the customer's trust, a companion of {@link ReturnFacts}: the tier and serial-returner
 * signals the request assessed, which fraud scoring receives. Folded idempotently like the rest of the facts.
 */
final class TrustFacts {

    /** Null until assessed, and for a return whose customer was not assessed. */
    TrustTier tier;
    final List<ReturnerSignal> signals = new ArrayList<>();

    /** Whether the event was one of these facts' own. */
    boolean apply(Object event) {
        if (event instanceof CustomerTrustAssessed e) {
            tier = e.tier();
            signals.clear();
            signals.addAll(e.signals());
            return true;
        }
        return false;
    }
}
