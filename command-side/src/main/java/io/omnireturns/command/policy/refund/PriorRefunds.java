package io.omnireturns.command.policy.refund;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.TenderRefund;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything already refunded on an order by earlier returns: per order line, per tender id
 * and for shipping. The calculator caps a new refund by what these leave.
 */
public record PriorRefunds(Map<String, LineTotals> byLine, Map<String, Money> byTender, Money shippingRefunded) {

    public PriorRefunds {
        byLine = Map.copyOf(byLine);
        byTender = Map.copyOf(byTender);
        Objects.requireNonNull(shippingRefunded, "shippingRefunded");
    }

    public static PriorRefunds none(String currency) {
        return new PriorRefunds(Map.of(), Map.of(), Money.zero(currency));
    }

    public String currency() {
        return shippingRefunded.currency();
    }

    public LineTotals line(String orderLineId) {
        return byLine.getOrDefault(orderLineId, LineTotals.none(currency()));
    }

    public Money tender(String tenderId) {
        return byTender.getOrDefault(tenderId, Money.zero(currency()));
    }

    /** These refunds with one more refund decision added. */
    public PriorRefunds plus(RefundBreakdown refund) {
        Map<String, LineTotals> lines = new HashMap<>(byLine);
        for (LineRefund line : refund.lines()) {
            // merge, not put: one refund may carry several parts of the same order line
            lines.merge(line.orderLineId(), LineTotals.none(currency()).plus(line), LineTotals::plus);
        }
        Map<String, Money> tenders = new HashMap<>(byTender);
        for (TenderRefund tender : refund.tenders()) {
            tenders.merge(tender.tenderId(), tender.amount(), Money::plus);
        }
        return new PriorRefunds(lines, tenders, shippingRefunded.plus(refund.shippingRefund()));
    }
}
