package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.TenderRefund;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Record how an approved exchange at a different price settles; a charge is requested under {@code chargeKey}.
 * Sent again, it changes nothing.
 */
public record DecideExchangeDifference(@TargetAggregateIdentifier String returnId, Money returnedValue, Money bonus,
                                       Money replacementCost, Money refund, Money charge, List<TenderRefund> tenders,
                                       String chargeKey) {

    public DecideExchangeDifference {
        tenders = List.copyOf(tenders);
    }
}
