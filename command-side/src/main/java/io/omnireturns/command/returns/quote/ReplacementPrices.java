package io.omnireturns.command.returns.quote;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.quote.QuotedLine;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.orders.CatalogueItem;
import io.omnireturns.command.connectors.orders.OrderSystem;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replacements an exchange would send, priced through the order system's catalogue: each returnable line's
 * {@code replacementSku} at its unit price today (tax included). An exchange is offered only when every returnable
 * line names a replacement the catalogue sells in the order's currency.
 */
@Component
public class ReplacementPrices {

    public static final String NO_REPLACEMENT_CHOSEN = "NO_REPLACEMENT_CHOSEN";
    public static final String REPLACEMENT_SKU_REQUIRED = "REPLACEMENT_SKU_REQUIRED";
    public static final String REPLACEMENT_NOT_IN_CATALOGUE = "REPLACEMENT_NOT_IN_CATALOGUE";
    public static final String REPLACEMENT_CURRENCY_MISMATCH = "REPLACEMENT_CURRENCY_MISMATCH";
    public static final String REPLACEMENT_PRICE_UNAVAILABLE = "REPLACEMENT_PRICE_UNAVAILABLE";

    /** Unit prices by order line, or why the exchange cannot be offered. */
    public record Priced(Map<String, Money> unitPrices, String unavailableReason) {

        public Priced {
            unitPrices = Map.copyOf(unitPrices);
        }

        static Priced unavailable(String reason) {
            return new Priced(Map.of(), reason);
        }

        /** What the replacements of these lines cost in all. */
        public Money cost(List<RefundableLine> lines, String currency) {
            Money cost = Money.zero(currency);
            for (RefundableLine line : lines) {
                cost = cost.plus(unitPrices.get(line.orderLineId()).times(line.acceptedQuantity()));
            }
            return cost;
        }
    }

    private final OrderSystem orders;

    ReplacementPrices(OrderSystem orders) {
        this.orders = orders;
    }

    /** Every requested line priced as if returnable (a request's lines, before its decision). */
    public Priced price(OrderSnapshot order, List<RequestedLine> requested) {
        return price(order, requested, requested.stream()
                .map(line -> new QuotedLine(line.orderLineId(), line.quantity(), line.quantity(), List.of())).toList());
    }

    /** {@code requested} and {@code decided} in the same order, one entry per requested line. */
    public Priced price(OrderSnapshot order, List<RequestedLine> requested, List<QuotedLine> decided) {
        Map<String, Money> prices = new LinkedHashMap<>();
        boolean anyChosen = false;
        boolean anyMissing = false;
        for (int i = 0; i < decided.size(); i++) {
            if (!decided.get(i).isReturnable()) {
                continue;
            }
            String sku = requested.get(i).replacementSku();
            if (sku == null || sku.isBlank()) {
                anyMissing = true;
                continue;
            }
            anyChosen = true;
            Optional<CatalogueItem> item;
            try {
                item = orders.catalogueItem(sku);
            } catch (ConnectorException unavailable) {
                return Priced.unavailable(REPLACEMENT_PRICE_UNAVAILABLE);
            }
            if (item.isEmpty()) {
                return Priced.unavailable(REPLACEMENT_NOT_IN_CATALOGUE);
            }
            if (!item.get().unitPrice().currency().equals(order.currency())) {
                return Priced.unavailable(REPLACEMENT_CURRENCY_MISMATCH);
            }
            prices.put(decided.get(i).orderLineId(), item.get().unitPrice());
        }
        if (!anyChosen) {
            return Priced.unavailable(NO_REPLACEMENT_CHOSEN);
        }
        if (anyMissing) {
            return Priced.unavailable(REPLACEMENT_SKU_REQUIRED);
        }
        return new Priced(prices, null);
    }
}
