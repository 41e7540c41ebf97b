package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.TenderRefund;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A refund in store credit requested with a quote that offered a bonus: {@code bonus} (the quote's rate of the approved
 * refund, rounded down) is added, so {@code refund} = the approved refund + {@code bonus}, all new store credit.
 */
@EventMeaning("The store-credit bonus a quote offered was added to the refund.")
@Revision("1")
public record StoreCreditBonusGranted(String returnId, Money bonus, Money refund, List<TenderRefund> tenders)
        implements ReturnEvent {

    public StoreCreditBonusGranted {
        tenders = tenders == null ? List.of() : List.copyOf(tenders);
    }
}
