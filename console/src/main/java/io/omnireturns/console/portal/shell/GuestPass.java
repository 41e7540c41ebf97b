package io.omnireturns.console.portal.shell;

import java.time.Instant;

/**
 * A guest's short-lived pass to the portal, given when they found an order by its number and their e-mail address or
 * postcode: it reaches that one order (and its returns) of its customer, until its expiry. The actor on the events a
 * guest causes is {@code guest:<orderId>}.
 */
public final class GuestPass extends ShopperPass {

    private final String orderId;

    public GuestPass(String customerId, String orderId, Instant expiresAt) {
        super("guest:" + orderId, customerId, expiresAt);
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }

    @Override
    public String guestOrder() {
        return orderId;
    }
}
