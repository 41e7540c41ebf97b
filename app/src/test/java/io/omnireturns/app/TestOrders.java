package io.omnireturns.app;

import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderPromotion;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.Tender;

import java.util.UUID;

/** Fresh copies of the documented demo orders under new ids, so tests never share an order's quantities. */
final class TestOrders {

    private TestOrders() {
    }

    static OrderSnapshot copyOf(OrderSnapshot demo) {
        String newId = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String oldId = demo.orderId();
        return new OrderSnapshot(newId, demo.customerId(), demo.soldThrough(), demo.soldAtStoreId(), demo.placedAt(),
                demo.fulfilledAt(), demo.fulfilmentLocationId(), demo.currency(),
                demo.lines().stream().map(line -> new OrderLine(line.lineId().replace(oldId, newId), line.sku(),
                        line.description(), line.category(), line.quantity(), line.unitPrice(), line.lineDiscount(),
                        line.tax(), line.finalSale())).toList(),
                demo.promotions().stream().map(promotion -> new OrderPromotion(promotion.code(), promotion.kind(),
                        promotion.amount(), promotion.appliesToLineIds().stream()
                        .map(lineId -> lineId.replace(oldId, newId)).toList())).toList(),
                demo.shippingCharged(), demo.shippingTax(),
                demo.tenders().stream().map(tender -> new Tender(tender.tenderId().replace(oldId, newId), tender.type(),
                        tender.amount(), tender.reference())).toList());
    }

    static String line(OrderSnapshot order, int number) {
        return order.orderId() + "-L" + number;
    }
}
