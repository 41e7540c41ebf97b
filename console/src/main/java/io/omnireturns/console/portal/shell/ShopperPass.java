package io.omnireturns.console.portal.shell;

import io.omnireturns.api.security.AccessScope;
import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.time.Instant;
import java.util.List;

/**
 * A shopper's pass to the portal: one customer's {@link AccessScope} (its details, so every command the shopper sends
 * carries that scope and the return refuses anything outside it) until {@code expiresAt}. It is held in the portal's
 * session (server side); the browser only has the session cookie. It has no role of the API: it is no bearer token
 * and opens no API path. A {@link GuestPass} reaches one order, a {@link CustomerPass} all of the customer's.
 */
public abstract sealed class ShopperPass extends AbstractAuthenticationToken permits GuestPass, CustomerPass {

    private final String actor;
    private final String customerId;
    private final Instant expiresAt;

    protected ShopperPass(String actor, String customerId, Instant expiresAt) {
        super(List.of());
        this.actor = actor;
        this.customerId = customerId;
        this.expiresAt = expiresAt;
        setDetails(AccessScope.customer(customerId));
        setAuthenticated(true);
    }

    public String customerId() {
        return customerId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** The one order a guest found; null for a signed-in customer. */
    public abstract String guestOrder();

    @Override
    public Object getCredentials() {
        return "";
    }

    /** The actor on the events the shopper causes, and the namespace of their idempotency keys. */
    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor;
    }
}
