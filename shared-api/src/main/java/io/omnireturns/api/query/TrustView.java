package io.omnireturns.api.query;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;

import java.util.List;

/**
 * The customer's trust tier at the request and the serial-returner signals behind it, with the figures of their
 * returns it was read from (our own history, in the return's currency, this return not counted).
 *
 * @param lookBackDays          the window the figures cover
 * @param returnRateBasisPoints returned value as a share of what was bought on the orders concerned
 */
public record TrustView(TrustTier tier, List<ReturnerSignal> signals, int lookBackDays, int returns,
                        Money returnedValue, Money purchasedValue, long returnRateBasisPoints,
                        int returnsLast30Days, int keepItReturns, int instantRefunds) {

    public TrustView {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
