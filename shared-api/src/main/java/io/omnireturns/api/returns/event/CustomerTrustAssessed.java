package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The customer's trust tier at the request, from our own history of their returns in the return's currency over
 * {@code lookBackDays} (this return not counted).
 *
 * @param returnRateBasisPoints {@code returnedValue} as a share of {@code purchasedValue}, rounded down
 */
@EventMeaning("The customer's trust tier and serial-returner signals at the request, read from our own history of "
        + "their returns (count, value and rate over the look-back window, returns in the last 30 days, \"keep it\" "
        + "and instant refunds); the signals go to fraud scoring and the agent's screen.")
@Revision("1")
public record CustomerTrustAssessed(String returnId, String customerId, TrustTier tier, List<ReturnerSignal> signals,
                                    int lookBackDays, int returns, Money returnedValue, Money purchasedValue,
                                    long returnRateBasisPoints, int returnsLast30Days, int keepItReturns,
                                    int instantRefunds) implements ReturnEvent {

    public CustomerTrustAssessed {
        signals = List.copyOf(signals);
    }
}
