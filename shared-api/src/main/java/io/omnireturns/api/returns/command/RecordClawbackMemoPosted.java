package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The ERP posted the debit memo that corrects the credit memo by the shortfall charged back. */
public record RecordClawbackMemoPosted(@TargetAggregateIdentifier String returnId, String documentNumber,
                                       Money amount) {
}
