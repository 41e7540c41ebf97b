package io.omnireturns.query.finance;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderPromotion;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How returned stock is valued: at the net paid merchandise of its order line, tax excluded. The net of a line is
 * its price after the line's own discount and after its share of every order-level promotion, prorated over the
 * lines the promotion covers by their price after line discount, largest remainder first: the rule the refund
 * calculator prices merchandise with, applied to the order snapshot of the return's request. Units r+1..r+k of a
 * line of q units are worth cum(r+k) - cum(r), cum(n) = floor(net * n / q), so the slices of one return telescope
 * and never lose or invent a minor unit.
 */
@PlainJava
final class InventoryValuation {

    private InventoryValuation() {
    }

    /** The net paid merchandise of every line of the order, by line id. */
    static Map<String, Money> netMerchandise(OrderSnapshot order) {
        Map<String, Money> shares = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            shares.put(line.lineId(), Money.zero(order.currency()));
        }
        for (OrderPromotion promotion : order.promotions()) {
            List<OrderLine> covered = order.lines().stream().filter(l -> promotion.appliesTo(l.lineId())).toList();
            List<Long> weights = covered.stream().map(l -> afterLineDiscount(l).minor()).toList();
            if (weights.stream().mapToLong(Long::longValue).sum() == 0) {
                continue; // nothing to take the promotion off
            }
            List<Money> parts = promotion.amount().allocate(weights);
            for (int i = 0; i < covered.size(); i++) {
                shares.merge(covered.get(i).lineId(), parts.get(i), Money::plus);
            }
        }
        Map<String, Money> net = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            Money afterPromotions = afterLineDiscount(line).minus(shares.get(line.lineId()));
            net.put(line.lineId(), afterPromotions.max(Money.zero(order.currency())));
        }
        return net;
    }

    /** The value of {@code units} more units of a line of {@code lineQuantity} units worth {@code net}. */
    static Money slice(Money net, int lineQuantity, int unitsBefore, int units) {
        if (lineQuantity <= 0 || units <= 0) {
            return Money.zero(net.currency());
        }
        return net.fraction(unitsBefore + units, lineQuantity).minus(net.fraction(unitsBefore, lineQuantity));
    }

    private static Money afterLineDiscount(OrderLine line) {
        Money amount = line.grossAmount().minus(line.lineDiscount());
        return amount.max(Money.zero(amount.currency()));
    }
}
