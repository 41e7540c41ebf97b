package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.TenderRefund;

import java.util.List;

public record RefundInstruction(String idempotencyKey, String returnId, String orderId, List<TenderRefund> tenders,
                                Money amount) {

    public RefundInstruction {
        tenders = List.copyOf(tenders);
    }
}
