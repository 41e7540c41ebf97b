package io.omnireturns.console.portal.shell;

import io.omnireturns.api.security.AccessScope;
import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.time.Instant;
import java.util.List;

/**
 * A guest's short-lived pass to the portal, given when they found an order by its number and their e-mail address or
 * postcode: it reaches that one order (and its returns) of its customer, until {@code expiresAt}. It is held in the
 * portal's session (server side); the browser only has the session cookie. Its details are the customer's
 * {@link AccessScope}, so every command it sends carries that scope and the return refuses anything outside it.
 */
public final class GuestPass extends AbstractAuthenticationToken {

    private final String customerId;
    private final String orderId;
    private final Instant expiresAt;

    public GuestPass(String customerId, String orderId, Instant expiresAt) {
        super(List.of());
        this.customerId = customerId;
        this.orderId = orderId;
        this.expiresAt = expiresAt;
        setDetails(AccessScope.customer(customerId));
        setAuthenticated(true);
    }

    public String customerId() {
        return customerId;
    }

    public String orderId() {
        return orderId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    /** The actor on the events a guest causes, and the namespace of their idempotency keys. */
    @Override
    public Object getPrincipal() {
        return "guest:" + orderId;
    }

    @Override
    public String getName() {
        return "guest:" + orderId;
    }
}
