package io.omnireturns.console.portal.shell;

import io.omnireturns.api.security.AccessScope;
import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.time.Instant;
import java.util.List;

/**
 * A customer's sign-in to the portal in jwt mode, given for a sign-in token the shop handed over
 * ({@link CustomerSignIn}): every order and return of that one customer, until {@code expiresAt}. Like a
 * {@link GuestPass} it is held in the portal's session and its details are the customer's {@link AccessScope}, so
 * every command it sends carries that scope; it has no role of the API (it is no bearer token and opens no API path).
 */
public final class CustomerPass extends AbstractAuthenticationToken {

    private final String name;
    private final String customerId;
    private final Instant expiresAt;

    public CustomerPass(String name, String customerId, Instant expiresAt) {
        super(List.of());
        this.name = name;
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

    @Override
    public Object getCredentials() {
        return "";
    }

    /** The actor on the events the customer causes: the token's name claim, as for the same person's API calls. */
    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }
}
