package io.omnireturns.command.policy.refund;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderPromotion;
import io.omnireturns.api.orders.OrderSnapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the customer actually paid for each line of an order: the price after the line's own discount
 * and after its share of every order-level promotion, plus the line's tax. Promotions are prorated
 * over the lines they apply to by the lines' amount after line discount, largest remainder first,
 * so the shares always add up to the promotion.
 */
public final class OrderLinePayments {

    /** Paid for the whole line: {@code netMerchandise} is after all promotions, {@code orderPromotionShare} is what order-level promotions took. */
    public record LinePayment(String orderLineId, int quantity, Money netMerchandise, Money tax,
                              Money orderPromotionShare) {
    }

    private final Map<String, LinePayment> byLineId;

    private OrderLinePayments(Map<String, LinePayment> byLineId) {
        this.byLineId = byLineId;
    }

    public static OrderLinePayments of(OrderSnapshot order) {
        Map<String, Money> promotionShares = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            promotionShares.put(line.lineId(), Money.zero(order.currency()));
        }
        for (OrderPromotion promotion : order.promotions()) {
            List<OrderLine> covered = order.lines().stream().filter(l -> promotion.appliesTo(l.lineId())).toList();
            List<Long> weights = covered.stream().map(l -> afterLineDiscount(l).minor()).toList();
            if (weights.stream().mapToLong(Long::longValue).sum() == 0) {
                continue; // the covered lines cost nothing, so there is no price for the promotion to come off
            }
            List<Money> shares = promotion.amount().allocate(weights);
            for (int i = 0; i < covered.size(); i++) {
                promotionShares.merge(covered.get(i).lineId(), shares.get(i), Money::plus);
            }
        }
        Map<String, LinePayment> payments = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            Money share = promotionShares.get(line.lineId());
            Money net = afterLineDiscount(line).minus(share).max(Money.zero(order.currency()));
            payments.put(line.lineId(), new LinePayment(line.lineId(), line.quantity(), net, line.tax(), share));
        }
        return new OrderLinePayments(payments);
    }

    public Optional<LinePayment> line(String orderLineId) {
        return Optional.ofNullable(byLineId.get(orderLineId));
    }

    public List<LinePayment> lines() {
        return List.copyOf(byLineId.values());
    }

    private static Money afterLineDiscount(OrderLine line) {
        Money amount = line.grossAmount().minus(line.lineDiscount());
        return amount.max(Money.zero(amount.currency()));
    }
}
