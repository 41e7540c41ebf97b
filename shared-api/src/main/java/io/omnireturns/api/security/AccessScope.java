package io.omnireturns.api.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which returns a caller may see and act on. Most callers are unscoped (a web shop serves every customer, a
 * warehouse every parcel); a store associate is limited to the returns of their own store(s), and a channel acting
 * for one signed-in customer to that customer's returns.
 *
 * <p>The scope travels with a command as metadata (never into events: only the actor does), so the return itself
 * can refuse a command from outside its scope whatever door the command came through.
 *
 * @param stores     stores whose returns the caller may handle; empty means no store limit
 * @param customerId the one customer whose returns the caller may handle; {@code null} means no customer limit
 */
public record AccessScope(Set<String> stores, String customerId) {

    public static final String STORES_METADATA = "accessScope.stores";
    public static final String CUSTOMER_METADATA = "accessScope.customer";

    private static final AccessScope UNSCOPED = new AccessScope(Set.of(), null);

    public AccessScope {
        stores = stores == null ? Set.of() : Set.copyOf(stores);
        customerId = customerId == null || customerId.isBlank() ? null : customerId;
    }

    public static AccessScope unscoped() {
        return UNSCOPED;
    }

    public static AccessScope stores(Collection<String> stores) {
        return new AccessScope(Set.copyOf(stores), null);
    }

    public static AccessScope customer(String customerId) {
        return new AccessScope(Set.of(), customerId);
    }

    public boolean isScoped() {
        return !stores.isEmpty() || customerId != null;
    }

    /**
     * Whether a return at this store, for this customer, is inside the scope. A store-scoped caller sees only returns
     * taken in at one of its stores (a web return has no store, so it is outside).
     */
    public boolean permits(String storeId, String returnCustomerId) {
        boolean storeAllowed = stores.isEmpty() || (storeId != null && stores.contains(storeId));
        boolean customerAllowed = customerId == null || customerId.equals(returnCustomerId);
        return storeAllowed && customerAllowed;
    }

    /** The metadata entries that carry this scope on a command (none when unscoped). */
    public Map<String, String> toMetadata() {
        if (!isScoped()) {
            return Map.of();
        }
        return customerId == null ? Map.of(STORES_METADATA, String.join(",", new TreeSet<>(stores)))
                : stores.isEmpty() ? Map.of(CUSTOMER_METADATA, customerId)
                : Map.of(STORES_METADATA, String.join(",", new TreeSet<>(stores)), CUSTOMER_METADATA, customerId);
    }

    /** The scope a command carries, if any. */
    public static Optional<AccessScope> fromMetadata(Map<String, ?> metadata) {
        Object stores = metadata.get(STORES_METADATA);
        Object customer = metadata.get(CUSTOMER_METADATA);
        if (stores == null && customer == null) {
            return Optional.empty();
        }
        Set<String> storeSet = new TreeSet<>();
        if (stores != null) {
            for (String store : stores.toString().split(",")) {
                if (!store.isBlank()) {
                    storeSet.add(store.strip());
                }
            }
        }
        return Optional.of(new AccessScope(storeSet, customer == null ? null : customer.toString()));
    }
}
