package io.omnireturns.console.portal.shell;

import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class GuestLookupTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final PortalProperties properties = new PortalProperties(Duration.ofMinutes(30), 3, Duration.ofMinutes(10),
            null, null, null, null, null);
    private final GuestLookup lookup = new GuestLookup(new SandboxOrderSystem(clock), properties, clock);

    @Test
    void the_order_number_with_its_email_in_any_case_or_its_postcode_in_any_spacing_gives_a_pass_to_that_order() {
        GuestLookup.Outcome byEmail = lookup.find(DemoOrders.WEB_APPAREL_ORDER_ID, " Alex.Morgan@EXAMPLE.com", "a");
        GuestLookup.Outcome byPostcode = lookup.find(DemoOrders.WEB_ORDER_WITH_FINAL_SALE_ITEM_ID, "1011ab", "b");

        assertThat(byEmail).isInstanceOfSatisfying(GuestLookup.Found.class, found -> {
            assertThat(found.pass().orderId()).isEqualTo("ORD-1001");
            assertThat(found.pass().customerId()).isEqualTo("CUST-100");
            assertThat(found.pass().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        });
        assertThat(byPostcode).isInstanceOf(GuestLookup.Found.class);
    }

    @Test
    void a_wrong_email_another_customers_email_and_an_unknown_order_all_find_nothing() {
        assertThat(lookup.find("ORD-1001", "someone@example.com", "a")).isInstanceOf(GuestLookup.NotFound.class);
        assertThat(lookup.find("ORD-1001", "sam.lee@example.com", "a")).isInstanceOf(GuestLookup.NotFound.class);
        assertThat(lookup.find("ORD-9999", "alex.morgan@example.com", "b")).isInstanceOf(GuestLookup.NotFound.class);
        assertThat(lookup.find("ORD-1001", "", "b")).isInstanceOf(GuestLookup.NotFound.class);
    }

    @Test
    void an_address_that_tried_too_often_waits_for_the_window_to_pass_even_with_the_right_details() {
        for (int i = 0; i < 3; i++) {
            lookup.find("ORD-1001", "guess" + i + "@example.com", "203.0.113.9");
        }

        assertThat(lookup.find("ORD-1001", "alex.morgan@example.com", "203.0.113.9"))
                .isInstanceOf(GuestLookup.TooManyAttempts.class);
        assertThat(lookup.find("ORD-1001", "alex.morgan@example.com", "198.51.100.7"))
                .isInstanceOf(GuestLookup.Found.class);

        clock.advance(Duration.ofMinutes(11));
        assertThat(lookup.find("ORD-1001", "alex.morgan@example.com", "203.0.113.9"))
                .isInstanceOf(GuestLookup.Found.class);
    }

    @Test
    void a_pass_is_valid_until_it_expires() {
        GuestPass pass = new GuestPass("CUST-100", "ORD-1001", NOW.plusSeconds(60));

        assertThat(pass.validAt(NOW)).isTrue();
        assertThat(pass.validAt(NOW.plusSeconds(60))).isFalse();
        assertThat(PortalShopper.of(pass, NOW.plusSeconds(61))).isEmpty();
        assertThat(PortalShopper.of(pass, NOW)).hasValue(new PortalShopper("guest:ORD-1001", "CUST-100", "ORD-1001"));
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
