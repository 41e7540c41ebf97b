package io.omnireturns.command.policy.tax;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a location (store or distribution centre) pays its tax: {@code omnireturns.tax.locations.<location>}, and
 * {@code default-jurisdiction} for a location not listed. A sale is taxed where it was made (the selling store) or
 * fulfilled (the distribution centre); a store return is taken back in the store's jurisdiction, any other return in
 * the sale's.
 */
public record TaxJurisdictions(Map<String, String> locations, String defaultJurisdiction) {

    public TaxJurisdictions {
        // location ids and jurisdictions are compared upper-cased: property binding may lower-case map keys
        Map<String, String> upper = new HashMap<>();
        (locations == null ? Map.<String, String>of() : locations)
                .forEach((location, jurisdiction) -> upper.put(upper(location), upper(jurisdiction)));
        locations = Map.copyOf(upper);
        defaultJurisdiction = upper(Objects.requireNonNull(defaultJurisdiction, "defaultJurisdiction"));
    }

    public String of(String locationId) {
        return locationId == null ? defaultJurisdiction
                : locations.getOrDefault(upper(locationId), defaultJurisdiction);
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    public String saleJurisdiction(OrderSnapshot order) {
        return of(order.soldAtStoreId() != null ? order.soldAtStoreId() : order.fulfilmentLocationId());
    }

    public String returnJurisdiction(OrderSnapshot order, SalesChannel returnChannel, String storeId) {
        return returnChannel == SalesChannel.STORE && storeId != null ? of(storeId) : saleJurisdiction(order);
    }
}
