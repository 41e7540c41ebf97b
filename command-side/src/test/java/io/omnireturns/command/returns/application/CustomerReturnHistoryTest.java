package io.omnireturns.command.returns.application;

import io.omnireturns.api.money.Money;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.policy.trust.CustomerReturnRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's return history on PostgreSQL: the window, the currency, each order bought once, the return left out. */
@CommandSideIntegrationTest
class CustomerReturnHistoryTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);

    @Autowired
    CustomerReturnHistory history;

    private final String customer = "CUST-H-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void returns_in_the_window_count_with_each_order_bought_once_and_the_assessed_return_left_out() {
        history.remember(id("1"), customer, "ORD-A", NOW.minus(Duration.ofDays(200)), eur(1_000), eur(10_000), false);
        history.remember(id("2"), customer, "ORD-A", NOW.minus(Duration.ofDays(10)), eur(2_000), eur(10_000), true);
        history.remember(id("3"), customer, "ORD-B", NOW.minus(Duration.ofDays(40)), eur(500), eur(5_001), false);
        history.remember(id("old"), customer, "ORD-C", NOW.minus(Duration.ofDays(366)), eur(9_000), eur(9_000), false);
        history.remember(id("gbp"), customer, "ORD-D", NOW.minus(Duration.ofDays(5)), gbp(700), gbp(800), false);
        history.remember(id("now"), customer, "ORD-E", NOW, eur(3_000), eur(3_000), false);

        CustomerReturnRecord record = history.recordOf(customer, "EUR", id("now"), NOW, YEAR);

        assertThat(record).isEqualTo(new CustomerReturnRecord(customer, 3, eur(3_500), eur(15_001), 1, 1, 0));
        assertThat(record.returnRateBasisPoints()).as("35.00 of 150.01, rounded down").isEqualTo(2333);
    }

    @Test
    void writing_a_return_again_after_a_crash_keeps_one_row_with_the_latest_figures() {
        history.remember(id("1"), customer, "ORD-A", NOW.minus(Duration.ofDays(1)), eur(1_000), eur(10_000), false);
        history.remember(id("1"), customer, "ORD-A", NOW.minus(Duration.ofDays(1)), eur(1_000), eur(10_000), true);

        assertThat(history.recordOf(customer, "EUR", id("other"), NOW, YEAR))
                .isEqualTo(new CustomerReturnRecord(customer, 1, eur(1_000), eur(10_000), 1, 1, 0));
    }

    @Test
    void a_return_forgotten_is_out_of_the_history_and_a_customer_never_seen_has_none() {
        history.remember(id("1"), customer, "ORD-A", NOW.minus(Duration.ofDays(1)), eur(1_000), eur(10_000), false);

        history.forget(id("1"));

        assertThat(history.recordOf(customer, "EUR", id("other"), NOW, YEAR))
                .isEqualTo(CustomerReturnRecord.none(customer, "EUR"));
    }

    private String id(String suffix) {
        return customer + "-R-" + suffix;
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    private static Money gbp(long minor) {
        return Money.of(minor, "GBP");
    }
}
