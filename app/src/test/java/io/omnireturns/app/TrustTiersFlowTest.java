package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.fraud.SandboxFraudScoring;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static io.omnireturns.app.ProcessDriver.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trust tiers from our own events, end to end on embedded PostgreSQL and the sandbox connectors: each customer's
 * history is written with their returns, the request records the tier it reads from it, the status view shows it to
 * the agent, and fraud scoring hears of the serial-returner signals. Every test has a customer of its own.
 */
@AppIntegrationTest
@TestPropertySource(properties = {
        "omnireturns.process.step-retry-backoff=1s",
        "omnireturns.process.step-retry-max-backoff=1s",
        "omnireturns.process.lease=20s",
        "db-scheduler.polling-interval=100ms"})
class TrustTiersFlowTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    SandboxFraudScoring fraud;

    ProcessDriver driver;

    @BeforeEach
    void driver() {
        driver = new ProcessDriver(new ApiClient(rest));
    }

    @Test
    void a_new_customer_is_standard_and_after_one_small_return_is_trusted_with_the_figures_shown() {
        String customer = newCustomer();
        String first = returnOneTShirt(customer);
        JsonNode standard = awaitTrust(first);
        assertThat(standard.path("tier").asText()).isEqualTo("STANDARD");
        assertThat(standard.path("returns").asInt()).isZero();

        String second = returnOneTShirt(customer);

        JsonNode trusted = awaitTrust(second);
        assertThat(trusted.path("tier").asText()).isEqualTo("TRUSTED");
        assertThat(trusted.path("signals")).isEmpty();
        assertThat(trusted.path("returns").asInt()).isEqualTo(1);
        assertThat(trusted.path("returnedValue").path("minor").asLong()).as("one t-shirt at 19.95").isEqualTo(1995);
        assertThat(trusted.path("purchasedValue").path("minor").asLong())
                .as("the order's merchandise: 2 x 89.95 + 59.95 + 3 x 19.95").isEqualTo(29970);
        assertThat(trusted.path("returnRateBasisPoints").asLong()).as("19.95 / 299.70, rounded down").isEqualTo(665);
        assertThat(trusted.path("returnsLast30Days").asInt()).isEqualTo(1);
        assertThat(trusted.path("lookBackDays").asInt()).isEqualTo(365);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_return_history WHERE customer_id = ?",
                Integer.class, customer)).isEqualTo(2);
    }

    @Test
    void a_customer_who_sends_back_most_of_what_they_buy_is_watched_and_fraud_scoring_hears_the_signal() {
        String customer = newCustomer();
        for (int i = 0; i < 3; i++) {
            returnBothJackets(customer); // 179.90 of 299.70 each time: 60 %
        }

        String fourth = returnBothJackets(customer);

        JsonNode watched = awaitTrust(fourth);
        assertThat(watched.path("tier").asText()).isEqualTo("WATCHED");
        assertThat(watched.path("signals").toString()).isEqualTo("[\"HIGH_RETURN_RATE\"]");
        assertThat(watched.path("returns").asInt()).isEqualTo(3);
        assertThat(watched.path("returnRateBasisPoints").asLong()).isEqualTo(6002);
        await().atMost(ProcessDriver.PATIENCE).until(() -> fraud.assessments().stream()
                .anyMatch(assessment -> assessment.returnId().equals(fourth)));
        assertThat(fraud.assessments()).filteredOn(assessment -> assessment.returnId().equals(fourth))
                .first().satisfies(assessment -> {
                    assertThat(assessment.result().signals()).contains("RETURNER_HIGH_RETURN_RATE");
                    assertThat(assessment.result().reviewRequired()).as("one signal: shown, not held").isFalse();
                });
    }

    private String returnOneTShirt(String customer) {
        OrderSnapshot order = register(customer);
        return driver.requestWebReturn(order.orderId(),
                List.of(line(TestOrders.line(order, 3), 1, "SIZE_OR_FIT")), "ORIGINAL_TENDER");
    }

    private String returnBothJackets(String customer) {
        OrderSnapshot order = register(customer);
        return driver.requestWebReturn(order.orderId(),
                List.of(line(TestOrders.line(order, 1), 2, "SIZE_OR_FIT")), "ORIGINAL_TENDER");
    }

    private JsonNode awaitTrust(String returnId) {
        return driver.awaitView(returnId, view -> !view.path("trust").isMissingNode()
                && !view.path("trust").isNull()).path("trust");
    }

    /** A fresh copy of the web apparel order (ORD-1001), bought by {@code customer}. */
    private OrderSnapshot register(String customer) {
        OrderSnapshot copy = TestOrders.copyOf(DemoOrders.webApparelOrder(clock.instant()));
        OrderSnapshot order = new OrderSnapshot(copy.orderId(), customer, copy.soldThrough(), copy.soldAtStoreId(),
                copy.placedAt(), copy.fulfilledAt(), copy.fulfilmentLocationId(), copy.currency(), copy.lines(),
                copy.promotions(), copy.shippingCharged(), copy.shippingTax(), copy.tenders());
        orders.register(order);
        return order;
    }

    private static String newCustomer() {
        return "CUST-T-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
