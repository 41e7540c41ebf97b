package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.TenderRefund;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * How an exchange at a different price settles: the returned items are worth {@code returnedValue}, the policy adds
 * {@code bonus}, the replacements cost {@code replacementCost}; {@code refund} goes back over {@code tenders},
 * {@code charge} is taken from the original card. Exactly: refund - charge = returnedValue + bonus - replacementCost.
 */
@EventMeaning("The price difference of an exchange was decided: refunded over the tenders, or charged to the card.")
@Revision("1")
public record ExchangeDifferenceDecided(String returnId, Money returnedValue, Money bonus, Money replacementCost,
                                        Money refund, Money charge, List<TenderRefund> tenders)
        implements ReturnEvent {

    public ExchangeDifferenceDecided {
        tenders = tenders == null ? List.of() : List.copyOf(tenders);
    }
}
