package io.omnireturns.console.portal.shell;

import io.omnireturns.api.security.AccessScope;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.platform.security.Caller;
import org.springframework.security.core.Authentication;

import java.time.Instant;
import java.util.Optional;

/**
 * Who uses the portal: a customer signed in with their own account (demo mode) or with the shop's sign-in token
 * ({@link CustomerPass}, jwt mode): every order of theirs; or a guest who found one
 * order ({@link GuestPass}: that order only). Both act within their customer's {@link AccessScope}; nobody else
 * (staff, the channel systems) is a shopper.
 *
 * @param name       the actor recorded on the events the shopper causes
 * @param customerId the one customer whose orders and returns the shopper sees
 * @param guestOrder for a guest, the one order found; null for a signed-in customer
 */
public record PortalShopper(String name, String customerId, String guestOrder) {

    /** The shopper of a request's authentication, if it is one (and a guest's pass has not expired). */
    public static Optional<PortalShopper> of(Authentication authentication, Instant now) {
        if (authentication instanceof ShopperPass pass) {
            return pass.validAt(now)
                    ? Optional.of(new PortalShopper(pass.getName(), pass.customerId(), pass.guestOrder()))
                    : Optional.empty();
        }
        return Caller.current().filter(caller -> caller.scope().customerId() != null && caller.scope().stores().isEmpty())
                .map(caller -> new PortalShopper(caller.name(), caller.scope().customerId(), null));
    }

    public boolean isGuest() {
        return guestOrder != null;
    }

    public AccessScope scope() {
        return AccessScope.customer(customerId);
    }

    /** Whether the shopper may see this order: their customer's, and for a guest the one they found. */
    public boolean owns(OrderSnapshot order) {
        return customerId.equals(order.customerId()) && (guestOrder == null || guestOrder.equals(order.orderId()));
    }

    /** Whether the shopper may see this return: of their customer, and for a guest of the order they found. */
    public boolean owns(ReturnStatusView view) {
        return customerId.equals(view.customerId()) && (guestOrder == null || guestOrder.equals(view.orderId()));
    }
}
