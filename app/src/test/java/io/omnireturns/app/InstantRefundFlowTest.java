package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import io.omnireturns.command.connectors.erp.SandboxErp;
import io.omnireturns.command.connectors.loyalty.SandboxLoyalty;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.omnireturns.app.ProcessDriver.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refunds at the first carrier scan end to end, on embedded PostgreSQL and the sandbox connectors, with the policy on
 * and a shortfall charged back: a trusted customer (one small return before) gets both jackets' 215.88 EUR back when
 * the carrier scans the parcel, before anything arrives; inspection finds one jacket torn and charges its 107.94 EUR
 * back to the card, once, and gives back the loyalty points reversed for it (107 of 215); a customer with no history
 * waits for inspection as before.
 */
@AppIntegrationTest
@QuickProcessTiming
@TestPropertySource(properties = {
        "omnireturns.policy.instant-refund.enabled=true"})
class InstantRefundFlowTest {

    static final Money BOTH_JACKETS = Money.of(21_588, "EUR"); // 2 x (89.95 + 17.99 tax)
    static final Money ONE_JACKET = Money.of(10_794, "EUR");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    SandboxPaymentGateway payments;
    @Autowired
    CommandGateway commands;
    @Autowired
    SandboxErp erp;
    @Autowired
    SandboxLoyalty loyalty;

    ApiClient api;
    ProcessDriver driver;

    @BeforeEach
    void driver() {
        api = new ApiClient(rest);
        driver = new ProcessDriver(api);
    }

    @Test
    void a_trusted_customer_is_refunded_at_the_first_scan_and_a_torn_jacket_is_charged_back_at_inspection() {
        InstantRefundScenario scenario = new InstantRefundScenario(clock, orders, driver, commands);
        String customer = scenario.trustedCustomer();
        OrderSnapshot order = scenario.register(customer);
        String jackets = TestOrders.line(order, 1);
        String returnId = scenario.returnBothJacketsInTransit(order);

        await().atMost(ProcessDriver.PATIENCE).until(() -> refundsOf(returnId).size() == 1);
        assertThat(refundsOf(returnId)).singleElement().satisfies(refund -> {
            assertThat(refund.amount()).isEqualTo(BOTH_JACKETS);
            assertThat(refund.idempotencyKey()).isEqualTo(returnId + ":REFUND_PAYMENT");
        });
        driver.awaitStatus(returnId, "REFUNDED");
        assertThat(jdbc.queryForObject("SELECT instant_refund FROM customer_return_history WHERE return_id = ?",
                Boolean.class, returnId)).isTrue();

        scenario.receiveAndInspectOneTorn(returnId, order, jackets);
        driver.awaitStatus(returnId, "COMPLETED");

        assertThat(refundsOf(returnId)).as("paid once, early").hasSize(1);
        assertThat(payments.charges().stream().filter(charge -> charge.returnId().equals(returnId)))
                .singleElement().satisfies(charge -> {
                    assertThat(charge.amount()).isEqualTo(ONE_JACKET);
                    assertThat(charge.idempotencyKey()).isEqualTo(returnId + ":CLAWBACK_CHARGE");
                    assertThat(charge.tenderId()).isEqualTo(order.orderId() + "-T1");
                });
        assertThat(eventTypes(returnId)).containsSubsequence("ReturnParcelInTransit", "EarlyRefundGranted",
                "RefundIssued", "ReturnItemsReceived", "ReturnInspectionCompleted", "ClawbackDecided",
                "ClawbackCharged", "ReturnCompleted");
        assertThat(eventTypes(returnId)).containsSubsequence("LoyaltyAdjusted", "ClawbackCharged",
                "LoyaltyPointsRestored", "ReturnCompleted");
        assertThat(loyalty.restorations().stream().filter(restored -> restored.returnId().equals(returnId)))
                .as("215 points reversed for 215.88; half of it charged back: 107.5, rounded down")
                .singleElement().satisfies(restored -> {
                    assertThat(restored.points()).isEqualTo(107);
                    assertThat(restored.idempotencyKey()).isEqualTo(returnId + ":RESTORE_LOYALTY");
                });
        JsonNode view = await().atMost(ProcessDriver.PATIENCE).until(
                () -> api.as("service-agent").get("/api/v1/returns/" + returnId).getBody(),
                body -> body != null && body.path("timeline").toString().contains("loyalty point(s) given back"));
        assertThat(view.path("timeline").findValuesAsText("description")).as("told once, in the shopper's words")
                .filteredOn(entry -> entry.startsWith("107 loyalty point(s) given back for what was charged back"))
                .hasSize(1);
        assertThat(erp.debitMemos().stream().filter(memo -> memo.returnId().equals(returnId)))
                .as("the ERP's credit corrected by what was charged back").singleElement()
                .satisfies(memo -> {
                    assertThat(memo.amount()).isEqualTo(ONE_JACKET);
                    assertThat(memo.idempotencyKey()).isEqualTo(returnId + ":CLAWBACK_MEMO");
                });
        JsonNode ledger = await().atMost(ProcessDriver.PATIENCE).until(
                () -> api.as("finance").get("/api/v1/finance/returns/" + returnId + "/ledger").getBody(),
                body -> body != null && body.toString().contains("CLAWBACK_MEMO"));
        assertThat(ledger.toString()).contains("EARLY_REFUND");
    }

    @Test
    void a_store_credit_refund_has_no_card_to_charge_so_its_shortfall_goes_to_an_agent() {
        InstantRefundScenario scenario = new InstantRefundScenario(clock, orders, driver, commands);
        OrderSnapshot order = scenario.register(scenario.trustedCustomer());
        String jackets = TestOrders.line(order, 1);
        String returnId = scenario.returnBothJacketsInTransit(order, "STORE_CREDIT");
        await().atMost(ProcessDriver.PATIENCE).until(() -> refundsOf(returnId).size() == 1);

        scenario.receiveAndInspectOneTorn(returnId, order, jackets);

        await().atMost(ProcessDriver.PATIENCE).until(() -> eventTypes(returnId).contains("CaseOpened"));
        assertThat(eventTypes(returnId)).contains("ClawbackDecided")
                .as("decided as a case, never tried on a card").doesNotContain("ClawbackCharged",
                        "StepAttemptFailed", "ClawbackChargeFailed");
        assertThat(payments.charges().stream().filter(charge -> charge.returnId().equals(returnId))).isEmpty();
    }

    @Test
    void a_customer_with_no_history_is_refunded_only_after_inspection_as_before() {
        InstantRefundScenario scenario = new InstantRefundScenario(clock, orders, driver, commands);
        OrderSnapshot order = scenario.register(InstantRefundScenario.newCustomer());
        String jackets = TestOrders.line(order, 1);
        String returnId = scenario.returnBothJacketsInTransit(order);

        driver.receiveAndInspect(returnId, order.fulfilmentLocationId(), Map.of(jackets, 2));
        driver.awaitStatus(returnId, "COMPLETED");

        assertThat(eventTypes(returnId)).doesNotContain("EarlyRefundGranted", "ClawbackDecided")
                .containsSubsequence("ReturnParcelInTransit", "ReturnInspectionCompleted", "RefundApproved",
                        "RefundIssued");
        assertThat(refundsOf(returnId)).singleElement()
                .satisfies(refund -> assertThat(refund.amount()).isEqualTo(BOTH_JACKETS));
        assertThat(payments.charges().stream().filter(charge -> charge.returnId().equals(returnId))).isEmpty();
    }

    private List<SandboxPaymentGateway.Refund> refundsOf(String returnId) {
        return payments.refunds().stream().filter(refund -> refund.returnId().equals(returnId)).toList();
    }

    private List<String> eventTypes(String returnId) {
        return InstantRefundScenario.eventTypes(jdbc, returnId);
    }
}
