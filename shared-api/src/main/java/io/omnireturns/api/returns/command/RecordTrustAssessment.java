package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * The request read the customer's return history and assessed their trust tier; the return records it once. The
 * figures are those the tier was read from.
 */
public record RecordTrustAssessment(@TargetAggregateIdentifier String returnId, TrustTier tier,
                                    List<ReturnerSignal> signals, int lookBackDays, int returns, Money returnedValue,
                                    Money purchasedValue, long returnRateBasisPoints, int returnsLast30Days,
                                    int keepItReturns, int instantRefunds) {
}
