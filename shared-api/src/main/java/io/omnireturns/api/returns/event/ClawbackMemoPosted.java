package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import org.axonframework.serialization.Revision;

/** {@code creditMemoDocument}: the credit memo the correction reduces. */
@EventMeaning("The ERP posted a debit memo for the shortfall charged back after an early refund or exchange, reducing "
        + "the return's credit memo by it, so the ERP books what inspection allowed.")
@Revision("1")
public record ClawbackMemoPosted(String returnId, String documentNumber, String creditMemoDocument, Money amount)
        implements ReturnEvent {
}
