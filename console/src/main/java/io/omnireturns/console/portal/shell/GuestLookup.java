package io.omnireturns.console.portal.shell;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.OrderContact;
import io.omnireturns.command.connectors.orders.OrderSystem;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A guest finds their order by its number and their e-mail address or delivery postcode. An unknown order and a wrong
 * e-mail or postcode get the same answer (empty), so nobody learns which order numbers exist; and one address may try
 * only so many times per window ({@link PortalProperties}), so nobody can try postcodes until one fits.
 */
@Component
public class GuestLookup {

    /** What a look-up found: the guest's pass, nothing, or a refusal to try again yet. */
    public sealed interface Outcome permits Found, NotFound, TooManyAttempts {
    }

    public record Found(GuestPass pass) implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    public record TooManyAttempts() implements Outcome {
    }

    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final OrderSystem orders;
    private final PortalProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    GuestLookup(OrderSystem orders, PortalProperties properties, Clock clock) {
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
    }

    /** May throw the order system's {@code ConnectorException} when it does not answer. */
    public Outcome find(String orderNumber, String emailOrPostcode, String clientAddress) {
        if (!allowed(clientAddress)) {
            return new TooManyAttempts();
        }
        String orderId = orderNumber == null ? "" : orderNumber.strip();
        if (orderId.isEmpty() || orderId.length() > 64 || emailOrPostcode == null || emailOrPostcode.length() > 254) {
            return new NotFound();
        }
        Optional<OrderSnapshot> order = orders.findOrder(orderId);
        Optional<OrderContact> contact = order.isEmpty() ? Optional.empty() : orders.findContact(orderId);
        if (order.isEmpty() || contact.isEmpty() || !contact.get().matches(emailOrPostcode)) {
            return new NotFound();
        }
        return new Found(new GuestPass(order.get().customerId(), order.get().orderId(),
                clock.instant().plus(properties.guestSessionTtl())));
    }

    private boolean allowed(String clientAddress) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(properties.guestLookupWindow());
        if (attempts.size() > MAX_TRACKED_ADDRESSES) {
            attempts.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || times.peekLast().isBefore(windowStart);
                }
            });
        }
        Deque<Instant> times = attempts.computeIfAbsent(String.valueOf(clientAddress), address -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(windowStart)) {
                times.pollFirst();
            }
            if (times.size() >= properties.guestLookupAttempts()) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
