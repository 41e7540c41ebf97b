package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.money.Money;

import java.util.List;

/**
 * The products the sandbox order system sells, prices tax included (see docs/demo-data.md): every demo order's SKU at
 * what one unit cost, other sizes at the same price, and for exchanges at a different price a dearer and a cheaper
 * model next to the demo web order's jacket ({@code ORD-1001-L1}, 107.94 EUR a unit) and jeans ({@code ORD-1001-L2},
 * 71.94 EUR).
 */
public final class DemoCatalogue {

    /** The jacket's dearer model: 149.94 EUR, 42.00 more than the jacket of ORD-1001. */
    public static final String DEARER_JACKET_SKU = "JKT-RAIN-PRO-NVY-M";
    /** Another size of the jacket, at the same price: 107.94 EUR. */
    public static final String SAME_PRICE_JACKET_SKU = "JKT-RAIN-NVY-L";
    /** The jeans' cheaper model: 47.94 EUR, 24.00 less than the jeans of ORD-1001. */
    public static final String CHEAPER_JEANS_SKU = "JNS-SLIM-BLK-32";
    /** Another size of the trust-tiers order's coat ({@code ORD-1030-L2}), at the same price: 238.80 EUR. */
    public static final String SAME_PRICE_COAT_SKU = "COT-WOL-CML-L";
    /** Sold by the catalogue but out of stock in the sandbox warehouse. */
    public static final String OUT_OF_STOCK_JACKET_SKU = "JKT-RAIN-NVY-S";

    private DemoCatalogue() {
    }

    public static List<CatalogueItem> all() {
        return List.of(
                eur("JKT-RAIN-NVY-M", "Rain jacket, navy, M", 10794),
                eur(SAME_PRICE_JACKET_SKU, "Rain jacket, navy, L", 10794),
                eur(OUT_OF_STOCK_JACKET_SKU, "Rain jacket, navy, S", 10794),
                eur(DEARER_JACKET_SKU, "Rain jacket pro, navy, M", 14994),
                eur("JNS-SLIM-IND-32", "Slim jeans, indigo, W32", 7194),
                eur("JNS-SLIM-IND-34", "Slim jeans, indigo, W34", 7194),
                eur(CHEAPER_JEANS_SKU, "Slim jeans, black, W32 (last season)", 4794),
                eur("TEE-ORG-WHT-L", "Organic cotton t-shirt, white, L", 2394),
                eur("TEE-ORG-WHT-M", "Organic cotton t-shirt, white, M", 2394),
                eur("SHO-RUN-BLK-42", "Running shoes, black, EU 42", 10800),
                eur("SHO-RUN-BLK-43", "Running shoes, black, EU 43", 10800),
                eur("SWT-MER-GRY-M", "Merino sweater, grey, M", 9594),
                eur("SWT-MER-GRY-L", "Merino sweater, grey, L", 9594),
                eur("HOD-ZIP-GRN-M", "Zip hoodie, green, M", 5994),
                eur("HOD-ZIP-GRN-L", "Zip hoodie, green, L", 5994),
                eur("HP-ANC-BLK", "Noise-cancelling headphones, black", 23994),
                eur("HP-ANC-WHT", "Noise-cancelling headphones, white", 23994),
                eur("SCK-WOOL-GRY-42", "Wool hiking socks, grey, EU 42", 1554),
                eur("SCK-WOOL-GRY-44", "Wool hiking socks, grey, EU 44", 1554),
                eur("SCF-MER-CHR", "Merino scarf, charcoal", 3594),
                eur("COT-WOL-CML-M", "Wool coat, camel, M", 23880),
                eur(SAME_PRICE_COAT_SKU, "Wool coat, camel, L", 23880),
                gbp("SHR-OXF-BLU-M", "Oxford shirt, blue, M", 4200),
                gbp("SHR-OXF-BLU-L", "Oxford shirt, blue, L", 4200));
    }

    private static CatalogueItem eur(String sku, String description, long minor) {
        return new CatalogueItem(sku, description, Money.of(minor, "EUR"));
    }

    private static CatalogueItem gbp(String sku, String description, long minor) {
        return new CatalogueItem(sku, description, Money.of(minor, "GBP"));
    }
}
