package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderPromotion;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.PromotionKind;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The orders the sandbox order system starts with, each one there to show a particular case
 * (see docs/demo-data.md). Dates are relative to {@code now} so the demo behaves the same
 * whenever it is run.
 *
 * <p>Conventions, so every figure can be checked by hand: amounts in minor units; VAT is 20% on
 * every order, charged on the line's price net of its line discount and of its share of each
 * order promotion (each promotion prorated over the lines it applies to by price net of line
 * discount, largest remainder first); shipping is taxed at 20% too; the tenders add up to exactly
 * what the customer paid.
 */
public final class DemoOrders {

    public static final String WEB_APPAREL_ORDER_ID = "ORD-1001";
    public static final String WEB_BUNDLE_AND_DISCOUNT_ORDER_ID = "ORD-1002";
    public static final String WEB_ORDER_WITH_FINAL_SALE_ITEM_ID = "ORD-1003";
    public static final String OLD_WEB_ORDER_ID = "ORD-1004";
    public static final String STORE_ORDER_ID = "ORD-1005";
    public static final String ELECTRONICS_ORDER_ID = "ORD-1006";
    public static final String POUND_STERLING_ORDER_ID = "ORD-1007";
    public static final String WEB_ORDER_OF_FIVE_ID = "ORD-1008";
    public static final String KEEP_IT_ORDER_ID = "ORD-1020";
    public static final String TRUST_TIERS_ORDER_ID = "ORD-1030";

    public static final String WEB_DISTRIBUTION_CENTRE = "DC-EAST";
    public static final String DEMO_STORE = "STORE-001";

    /**
     * The demo customers' e-mail addresses and delivery postcodes (the shopper portal's guest look-up: order number
     * plus one of them). Copies of a demo order keep its customer, so they share its contact.
     */
    private static final Map<String, OrderContact> CONTACTS = Map.of(
            "CUST-100", new OrderContact("alex.morgan@example.com", "10115"),
            "CUST-200", new OrderContact("sam.lee@example.com", "80331"),
            "CUST-300", new OrderContact("kim.jansen@example.com", "1011 AB"),
            "CUST-500", new OrderContact("rosa.diaz@example.com", "28013"),
            "CUST-600", new OrderContact("noah.weber@example.com", "50667"),
            "CUST-700", new OrderContact("olivia.brown@example.com", "SW1A 1AA"),
            "CUST-800", new OrderContact("yuki.tanaka@example.com", "75002"),
            "CUST-920", new OrderContact("lena.fischer@example.com", "20095"),
            "CUST-930", new OrderContact("mia.rossi@example.com", "20121"));

    private static final String EUR = "EUR";
    private static final String GBP = "GBP";

    private DemoOrders() {
    }

    /**
     * The same order under another id: line, tender and promotion references renamed with it, everything else
     * (customer, dates, amounts) as it was.
     */
    public static OrderSnapshot copyUnder(OrderSnapshot order, String newId) {
        String oldId = order.orderId();
        return new OrderSnapshot(newId, order.customerId(), order.soldThrough(), order.soldAtStoreId(),
                order.placedAt(), order.fulfilledAt(), order.fulfilmentLocationId(), order.currency(),
                order.lines().stream().map(line -> new OrderLine(line.lineId().replace(oldId, newId), line.sku(),
                        line.description(), line.category(), line.quantity(), line.unitPrice(), line.lineDiscount(),
                        line.tax(), line.finalSale())).toList(),
                order.promotions().stream().map(promotion -> new OrderPromotion(promotion.code(), promotion.kind(),
                        promotion.amount(), promotion.appliesToLineIds().stream()
                        .map(lineId -> lineId.replace(oldId, newId)).toList())).toList(),
                order.shippingCharged(), order.shippingTax(),
                order.tenders().stream().map(tender -> new Tender(tender.tenderId().replace(oldId, newId),
                        tender.type(), tender.amount(), tender.reference())).toList());
    }

    /** A demo customer's e-mail address and delivery postcode. */
    public static Optional<OrderContact> contactOf(String customerId) {
        return Optional.ofNullable(customerId).map(CONTACTS::get);
    }

    /** Every demo order, in order id order. */
    public static List<OrderSnapshot> all(Instant now) {
        return List.of(
                webApparelOrder(now),
                webBundleAndDiscountOrder(now),
                webOrderWithFinalSaleItem(now),
                oldWebOrder(now),
                storeOrderPaidCashAndCard(now),
                electronicsOrder(now),
                poundSterlingOrder(now),
                webOrderOfFive(now),
                keepItOrder(now),
                trustTiersOrder(now));
    }

    /** The everyday case: three apparel lines, one card payment, shipping charged. Total 365.58 EUR. */
    public static OrderSnapshot webApparelOrder(Instant now) {
        String id = WEB_APPAREL_ORDER_ID;
        Instant placedAt = daysBefore(now, 5);
        return new OrderSnapshot(id, "CUST-100", SalesChannel.WEB, null,
                placedAt, placedAt.plus(Duration.ofDays(1)), WEB_DISTRIBUTION_CENTRE, EUR,
                List.of(
                        line(id + "-L1", "JKT-RAIN-NVY-M", "Rain jacket, navy, M", "apparel",
                                2, eur(8995), eur(0), eur(3598)),
                        line(id + "-L2", "JNS-SLIM-IND-32", "Slim jeans, indigo, W32", "apparel",
                                1, eur(5995), eur(0), eur(1199)),
                        line(id + "-L3", "TEE-ORG-WHT-L", "Organic cotton t-shirt, white, L", "apparel",
                                3, eur(1995), eur(0), eur(1197))),
                List.of(),
                eur(495), eur(99),
                List.of(new Tender(id + "-T1", TenderType.CARD, eur(36558), "PSP-CH-1001-1")));
    }

    /**
     * Promotions over several lines: a shoes-and-socks bundle (10.00 off L1 and L2, prorated 9.00
     * and 1.00) and a 5.00 order discount over all lines (prorated 3.60, 0.40, 1.00); free shipping;
     * paid partly by gift card. Total 132.00 EUR.
     */
    public static OrderSnapshot webBundleAndDiscountOrder(Instant now) {
        String id = WEB_BUNDLE_AND_DISCOUNT_ORDER_ID;
        Instant placedAt = daysBefore(now, 10);
        return new OrderSnapshot(id, "CUST-200", SalesChannel.WEB, null,
                placedAt, placedAt.plus(Duration.ofDays(2)), WEB_DISTRIBUTION_CENTRE, EUR,
                List.of(
                        // tax = 20% of 90.00 - 9.00 bundle share - 3.60 order discount share = 77.40
                        line(id + "-L1", "SHO-RUN-BLK-42", "Running shoes, black, EU 42", "footwear",
                                1, eur(9000), eur(0), eur(1548)),
                        // tax = 20% of 10.00 - 1.00 - 0.40 = 8.60
                        line(id + "-L2", "SCK-RUN-3PK-42", "Running socks, 3-pack, EU 42", "apparel",
                                1, eur(1000), eur(0), eur(172)),
                        // tax = 20% of 25.00 - 1.00 = 24.00
                        line(id + "-L3", "CAP-RUN-BLK", "Running cap, black", "accessories",
                                1, eur(2500), eur(0), eur(480))),
                List.of(
                        new OrderPromotion("BUNDLE-SHOES-SOCKS", PromotionKind.BUNDLE, eur(1000),
                                List.of(id + "-L1", id + "-L2")),
                        new OrderPromotion("WELCOME5", PromotionKind.ORDER_DISCOUNT, eur(500), List.of())),
                eur(0), eur(0),
                List.of(
                        new Tender(id + "-T1", TenderType.CARD, eur(8200), "PSP-CH-1002-1"),
                        new Tender(id + "-T2", TenderType.GIFT_CARD, eur(5000), "GC-XXXX-XXXX-4821")));
    }

    /**
     * A clearance dress sold as final sale next to a normal sweater that had 10.00 off the line.
     * Paid by PayPal. Total 125.82 EUR.
     */
    public static OrderSnapshot webOrderWithFinalSaleItem(Instant now) {
        String id = WEB_ORDER_WITH_FINAL_SALE_ITEM_ID;
        Instant placedAt = daysBefore(now, 7);
        return new OrderSnapshot(id, "CUST-300", SalesChannel.WEB, null,
                placedAt, placedAt.plus(Duration.ofDays(1)), WEB_DISTRIBUTION_CENTRE, EUR,
                List.of(
                        finalSaleLine(id + "-L1", "DRS-SUM-FLR-S", "Summer dress, floral, S (clearance)", "apparel",
                                1, eur(2995), eur(0), eur(599)),
                        line(id + "-L2", "SWT-MER-GRY-M", "Merino sweater, grey, M", "apparel",
                                1, eur(7995), eur(1000), eur(1399))),
                List.of(),
                eur(495), eur(99),
                List.of(new Tender(id + "-T1", TenderType.PAYPAL, eur(12582), "PAYPAL-5TR38211")));
    }

    /** Placed 120 days ago: outside every return window. Total 185.88 EUR. */
    public static OrderSnapshot oldWebOrder(Instant now) {
        String id = OLD_WEB_ORDER_ID;
        Instant placedAt = daysBefore(now, 120);
        return new OrderSnapshot(id, "CUST-100", SalesChannel.WEB, null,
                placedAt, placedAt.plus(Duration.ofDays(2)), WEB_DISTRIBUTION_CENTRE, EUR,
                List.of(line(id + "-L1", "BOOT-CHL-BRN-43", "Chelsea boots, brown, EU 43", "footwear",
                        1, eur(14995), eur(0), eur(2999))),
                List.of(),
                eur(495), eur(99),
                List.of(new Tender(id + "-T1", TenderType.CARD, eur(18588), "PSP-CH-1004-1")));
    }

    /** Bought at the till in STORE-001, paid partly in cash; nothing shipped. Total 95.82 EUR. */
    public static OrderSnapshot storeOrderPaidCashAndCard(Instant now) {
        String id = STORE_ORDER_ID;
        Instant placedAt = daysBefore(now, 3);
        return new OrderSnapshot(id, "CUST-500", SalesChannel.STORE, DEMO_STORE,
                placedAt, placedAt, DEMO_STORE, EUR,
                List.of(
                        line(id + "-L1", "HOD-ZIP-GRN-M", "Zip hoodie, green, M", "apparel",
                                1, eur(4995), eur(0), eur(999)),
                        line(id + "-L2", "BNE-WOL-BLK", "Wool beanie, black", "accessories",
                                2, eur(1495), eur(0), eur(598))),
                List.of(),
                eur(0), eur(0),
                List.of(
                        new Tender(id + "-T1", TenderType.CASH, eur(2000), "POS-STORE-001-R02-000457"),
                        new Tender(id + "-T2", TenderType.CARD, eur(7582), "PSP-CH-1005-1")));
    }

    /**
     * Electronics placed 20 days ago: outside a 14-day electronics window, inside a 30-day one.
     * Free shipping. Total 257.88 EUR.
     */
    public static OrderSnapshot electronicsOrder(Instant now) {
        String id = ELECTRONICS_ORDER_ID;
        Instant placedAt = daysBefore(now, 20);
        return new OrderSnapshot(id, "CUST-600", SalesChannel.WEB, null,
                placedAt, placedAt.plus(Duration.ofDays(1)), WEB_DISTRIBUTION_CENTRE, EUR,
                List.of(
                        line(id + "-L1", "HP-ANC-BLK", "Noise-cancelling headphones, black", "electronics",
                                1, eur(19995), eur(0), eur(3999)),
                        line(id + "-L2", "CBL-USBC-2M", "USB-C cable, 2 m", "electronics",
                                1, eur(1495), eur(0), eur(299))),
                List.of(),
                eur(0), eur(0),
                List.of(new Tender(id + "-T1", TenderType.CARD, eur(25788), "PSP-CH-1006-1")));
    }

    /** Priced and paid in pounds sterling, so refunds must stay in GBP. Total 118.74 GBP. */
    public static OrderSnapshot poundSterlingOrder(Instant now) {
        String id = POUND_STERLING_ORDER_ID;
        Instant placedAt = daysBefore(now, 6);
        return new OrderSnapshot(id, "CUST-700", SalesChannel.WEB, null,
                placedAt, placedAt.plus(Duration.ofDays(2)), WEB_DISTRIBUTION_CENTRE, GBP,
                List.of(
                        line(id + "-L1", "SHR-OXF-BLU-M", "Oxford shirt, blue, M", "apparel",
                                2, gbp(3500), gbp(0), gbp(1400)),
                        line(id + "-L2", "BLT-LTH-BRN-90", "Leather belt, brown, 90 cm", "accessories",
                                1, gbp(2500), gbp(0), gbp(500))),
                List.of(),
                gbp(395), gbp(79),
                List.of(new Tender(id + "-T1", TenderType.CARD, gbp(11874), "PSP-CH-1007-1")));
    }

    /** One line of five pairs, for partial and repeated returns against the same line. Total 83.64 EUR. */
    public static OrderSnapshot webOrderOfFive(Instant now) {
        String id = WEB_ORDER_OF_FIVE_ID;
        Instant placedAt = daysBefore(now, 4);
        return new OrderSnapshot(id, "CUST-800", SalesChannel.WEB, null,
                placedAt, placedAt.plus(Duration.ofDays(1)), WEB_DISTRIBUTION_CENTRE, EUR,
                List.of(line(id + "-L1", "SCK-WOOL-GRY-42", "Wool hiking socks, grey, EU 42", "apparel",
                        5, eur(1295), eur(0), eur(1295))),
                List.of(),
                eur(495), eur(99),
                List.of(new Tender(id + "-T1", TenderType.CARD, eur(8364), "PSP-CH-1008-1")));
    }

    /**
     * "Keep it": two lip balms in personal care (kept under the default keep-it policy, by category and by price)
     * next to a canvas tote that comes back by mail. Paid by card. Total 45.36 EUR.
     */
    public static OrderSnapshot keepItOrder(Instant now) {
        String id = KEEP_IT_ORDER_ID;
        Instant placedAt = daysBefore(now, 4);
        return new OrderSnapshot(id, "CUST-920", SalesChannel.WEB, null,
                placedAt, placedAt.plus(Duration.ofDays(1)), WEB_DISTRIBUTION_CENTRE, EUR,
                List.of(
                        line(id + "-L1", "LIP-BALM-SPF15", "Lip balm, SPF 15", "personal-care",
                                2, eur(395), eur(0), eur(158)),
                        line(id + "-L2", "TOT-CNV-NAT", "Canvas tote bag, natural", "accessories",
                                1, eur(2495), eur(0), eur(499))),
                List.of(),
                eur(495), eur(99),
                List.of(new Tender(id + "-T1", TenderType.CARD, eur(4536), "PSP-CH-1020-1")));
    }

    /**
     * Trust tiers: the customer's first return (the scarf) finds no history, a standard customer; the second (the
     * coat) finds one small return, 29.95 of 228.95 bought, and a trusted customer. Paid by card. Total 280.68 EUR.
     */
    public static OrderSnapshot trustTiersOrder(Instant now) {
        String id = TRUST_TIERS_ORDER_ID;
        Instant placedAt = daysBefore(now, 6);
        return new OrderSnapshot(id, "CUST-930", SalesChannel.WEB, null,
                placedAt, placedAt.plus(Duration.ofDays(1)), WEB_DISTRIBUTION_CENTRE, EUR,
                List.of(
                        line(id + "-L1", "SCF-MER-CHR", "Merino scarf, charcoal", "accessories",
                                1, eur(2995), eur(0), eur(599)),
                        line(id + "-L2", "COT-WOL-CML-M", "Wool coat, camel, M", "apparel",
                                1, eur(19900), eur(0), eur(3980))),
                List.of(),
                eur(495), eur(99),
                List.of(new Tender(id + "-T1", TenderType.CARD, eur(28068), "PSP-CH-1030-1")));
    }

    private static Instant daysBefore(Instant now, int days) {
        return now.minus(Duration.ofDays(days));
    }

    private static OrderLine line(String lineId, String sku, String description, String category,
                                  int quantity, Money unitPrice, Money lineDiscount, Money tax) {
        return new OrderLine(lineId, sku, description, category, quantity, unitPrice, lineDiscount, tax, false);
    }

    private static OrderLine finalSaleLine(String lineId, String sku, String description, String category,
                                           int quantity, Money unitPrice, Money lineDiscount, Money tax) {
        return new OrderLine(lineId, sku, description, category, quantity, unitPrice, lineDiscount, tax, true);
    }

    private static Money eur(long minor) {
        return Money.of(minor, EUR);
    }

    private static Money gbp(long minor) {
        return Money.of(minor, GBP);
    }
}
