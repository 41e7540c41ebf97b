package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import io.omnireturns.command.connectors.erp.SandboxErp;
import io.omnireturns.command.connectors.orders.DemoCatalogue;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.omnireturns.app.Answers.kinds;
import static io.omnireturns.app.ProcessDriver.exchangeLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exchanges at the first carrier scan end to end, on embedded PostgreSQL and the sandbox connectors, with the
 * instant-refund policy on: a trusted customer swaps a jacket (107.94 EUR) for the dearer pro model (149.94); when the
 * carrier scans the parcel the 42.00 difference is charged and the replacement ordered, before anything arrives, and
 * an inspection that accepts the jacket completes the exchange with nothing taken back. Another swaps it for size L
 * at the same price and the jacket comes back torn: its 107.94 is charged back to the card, once, and the ERP gets a
 * debit memo for it against the return's credit memo, which the finance ledger books so that ERP and ledger agree.
 * (The tax service is consulted across jurisdictions only here: by default it taxes every price difference, and an
 * exchange whose tax needs the service is settled after inspection as before.)
 */
@AppIntegrationTest
@QuickProcessTiming
@TestPropertySource(properties = {
        "omnireturns.policy.instant-refund.enabled=true",
        "omnireturns.tax.consult-for=CROSS_JURISDICTION"})
class InstantExchangeFlowTest {

    static final Money ONE_JACKET = Money.of(10_794, "EUR"); // 89.95 + 17.99 tax
    static final Money DIFFERENCE = Money.of(4_200, "EUR"); // 149.94 - 107.94

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
    SandboxErp erp;
    @Autowired
    CommandGateway commands;

    ApiClient api;
    ProcessDriver driver;
    InstantRefundScenario scenario;

    @BeforeEach
    void driver() {
        api = new ApiClient(rest);
        driver = new ProcessDriver(api);
        scenario = new InstantRefundScenario(clock, orders, driver, commands);
    }

    @Test
    void a_trusted_customers_exchange_is_settled_at_the_first_scan_and_completes_when_inspection_accepts_it() {
        OrderSnapshot order = scenario.register(scenario.trustedCustomer());
        String jacket = TestOrders.line(order, 1);
        String returnId = exchangeOneJacketInTransit(order, jacket, DemoCatalogue.DEARER_JACKET_SKU);

        awaitReplacementOrdered(returnId);
        assertThat(chargesOf(returnId)).singleElement().satisfies(charge -> {
            assertThat(charge.amount()).isEqualTo(DIFFERENCE);
            assertThat(charge.idempotencyKey()).isEqualTo(returnId + ":CHARGE_DIFFERENCE");
        });
        assertThat(eventTypes(returnId)).doesNotContain("ReturnItemsReceived");
        driver.awaitStatus(returnId, "REFUNDED");

        driver.receiveAndInspect(returnId, order.fulfilmentLocationId(), Map.of(jacket, 1));
        driver.awaitStatus(returnId, "COMPLETED");

        assertThat(eventTypes(returnId)).containsSubsequence("ReturnParcelInTransit", "EarlyExchangeGranted",
                "DifferenceCharged", "ReplacementOrderCreated", "ReturnItemsReceived", "ClawbackDecided",
                "ReturnCompleted").doesNotContain("ClawbackCharged", "ClawbackMemoPosted");
        assertThat(chargesOf(returnId)).as("the difference only, once").hasSize(1);
        assertThat(replacementsOf(returnId)).as("ordered once").hasSize(1);
        assertThat(erp.debitMemos().stream().filter(memo -> memo.returnId().equals(returnId))).isEmpty();
    }

    @Test
    void a_torn_jacket_after_an_early_exchange_is_charged_back_and_debited_in_the_erp_and_the_ledger() {
        OrderSnapshot order = scenario.register(scenario.trustedCustomer());
        String jacket = TestOrders.line(order, 1);
        String returnId = exchangeOneJacketInTransit(order, jacket, DemoCatalogue.SAME_PRICE_JACKET_SKU);
        awaitReplacementOrdered(returnId);

        driver.receiveAndInspect(returnId, order.fulfilmentLocationId(), Map.of(jacket, 1), Map.of(jacket, 1));
        driver.awaitStatus(returnId, "COMPLETED");

        assertThat(chargesOf(returnId)).as("an even exchange: the clawback only, once").singleElement()
                .satisfies(charge -> {
                    assertThat(charge.idempotencyKey()).isEqualTo(returnId + ":CLAWBACK_CHARGE");
                    assertThat(charge.amount()).isEqualTo(ONE_JACKET);
                    assertThat(charge.tenderId()).isEqualTo(order.orderId() + "-T1");
                });
        assertThat(replacementsOf(returnId)).as("the replacement went out once, at the scan").hasSize(1);
        String creditMemo = erp.creditMemos().stream().filter(memo -> memo.returnId().equals(returnId))
                .map(SandboxErp.CreditMemo::documentNumber).findFirst().orElseThrow();
        assertThat(erp.debitMemos().stream().filter(memo -> memo.returnId().equals(returnId)))
                .singleElement().satisfies(memo -> {
                    assertThat(memo.idempotencyKey()).isEqualTo(returnId + ":CLAWBACK_MEMO");
                    assertThat(memo.amount()).isEqualTo(ONE_JACKET);
                    assertThat(memo.creditMemoDocument()).isEqualTo(creditMemo);
                });
        assertThat(eventTypes(returnId)).containsSubsequence("EarlyExchangeGranted", "ReplacementOrderCreated",
                "ReturnItemsReceived", "ClawbackDecided", "ClawbackCharged", "ClawbackMemoPosted", "ReturnCompleted");
        JsonNode ledger = await().atMost(ProcessDriver.PATIENCE).until(
                () -> api.as("finance").get("/api/v1/finance/returns/" + returnId + "/ledger").getBody(),
                body -> body != null && body.toString().contains("CLAWBACK_MEMO"));
        assertThat(kinds(ledger)).contains("EARLY_EXCHANGE", "EXCHANGE", "CREDIT_MEMO", "CLAWBACK_DUE", "CLAWBACK",
                "CLAWBACK_MEMO");
    }

    private String exchangeOneJacketInTransit(OrderSnapshot order, String jacket, String replacementSku) {
        String returnId = driver.requestWebReturn(order.orderId(), List.of(exchangeLine(jacket, 1, replacementSku)),
                "EXCHANGE");
        driver.awaitView(returnId, view -> "LABEL_ISSUED".equals(ProcessDriver.system(view, "CARRIER")
                .path("state").asText()));
        commands.sendAndWait(new RecordParcelInTransit(returnId, "DHL", "TRK-" + returnId));
        return returnId;
    }

    private void awaitReplacementOrdered(String returnId) {
        await().atMost(ProcessDriver.PATIENCE).until(() -> replacementsOf(returnId).size() == 1);
    }

    private List<SandboxPaymentGateway.Charge> chargesOf(String returnId) {
        return payments.charges().stream().filter(charge -> charge.returnId().equals(returnId)).toList();
    }

    private List<SandboxOrderSystem.ReplacementOrder> replacementsOf(String returnId) {
        return orders.replacementOrders().stream().filter(placed -> placed.returnId().equals(returnId)).toList();
    }

    private List<String> eventTypes(String returnId) {
        return InstantRefundScenario.eventTypes(jdbc, returnId);
    }
}
