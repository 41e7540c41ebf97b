package io.omnireturns.console.portal.shell;

import java.time.Instant;

/**
 * A customer's sign-in to the portal in jwt mode, given for a sign-in token the shop handed over
 * ({@link CustomerSignIn}): every order and return of that one customer, until its expiry. The actor on the events
 * the customer causes is the token's name claim, as for the same person's API calls.
 */
public final class CustomerPass extends ShopperPass {

    public CustomerPass(String name, String customerId, Instant expiresAt) {
        super(name, customerId, expiresAt);
    }

    @Override
    public String guestOrder() {
        return null;
    }
}
