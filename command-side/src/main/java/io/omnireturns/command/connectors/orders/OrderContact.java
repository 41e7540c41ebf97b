package io.omnireturns.command.connectors.orders;

import java.util.Locale;
import java.util.Objects;

/**
 * How the order system can reach the shopper of an order: the e-mail address and the delivery postcode. The shopper
 * portal lets a guest find an order by its number and one of these; they never go into a return's events.
 */
public record OrderContact(String email, String postcode) {

    public OrderContact {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(postcode, "postcode");
    }

    /** Whether what a guest typed is this e-mail address (any case) or this postcode (any case and spacing). */
    public boolean matches(String typed) {
        if (typed == null || typed.isBlank()) {
            return false;
        }
        String strip = typed.strip();
        return strip.equalsIgnoreCase(email) || compact(strip).equals(compact(postcode));
    }

    private static String compact(String postcode) {
        return postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
