package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.command.connectors.carrier.SandboxCarrier;
import io.omnireturns.command.connectors.crm.SandboxCrm;
import io.omnireturns.command.connectors.erp.SandboxErp;
import io.omnireturns.command.connectors.fraud.SandboxFraudScoring;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.CreditRecipient;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.omnireturns.app.Answers.entry;
import static io.omnireturns.app.Answers.kinds;
import static io.omnireturns.app.ProcessDriver.line;
import static io.omnireturns.app.TestOrders.eur;
import static io.omnireturns.app.TestOrders.registeredCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shopper's options end to end on embedded PostgreSQL and the sandbox connectors: a "keep it" return refunded
 * with no label and no receipt and its stock written off in the ledger, a store return that waits for its fraud
 * score before any refund, and a gift return refunded in store credit with the buyer kept out of it.
 */
@AppIntegrationTest
@TestPropertySource(properties = {
        "omnireturns.process.step-retry-backoff=1s",
        "omnireturns.process.step-retry-max-backoff=1s",
        "omnireturns.process.lease=20s",
        "db-scheduler.polling-interval=100ms"})
class ShopperOptionsFlowTest {

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
    SandboxCarrier carrier;
    @Autowired
    SandboxFraudScoring fraud;
    @Autowired
    SandboxCrm crm;

    ApiClient api;
    ProcessDriver driver;

    @BeforeEach
    void driver() {
        api = new ApiClient(rest);
        driver = new ProcessDriver(api);
    }

    @AfterEach
    void healthyFraudService() {
        fraud.behaviour().setFailureRate(0);
    }

    @Test
    void a_keep_it_item_is_refunded_with_no_label_and_no_receipt_and_the_ledger_shows_the_write_off() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.keepItOrder(clock.instant()));
        String balms = TestOrders.line(order, 1);

        ResponseEntity<JsonNode> answer = api.requestReturn("keep-" + order.orderId(), Map.of("orderId",
                order.orderId(), "channel", "WEB", "lines", List.of(line(balms, 2, "CHANGED_MIND"))));
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        assertThat(answer.getBody().path("status").asText()).isEqualTo("INSPECTED"); // nothing to ship or inspect
        String returnId = answer.getBody().path("returnId").asText();

        driver.awaitStatus(returnId, "COMPLETED");
        assertThat(payments.refunds()).filteredOn(refund -> refund.returnId().equals(returnId))
                .singleElement().satisfies(refund -> assertThat(refund.amount())
                        .as("2 x 3.95 + 1.58 tax, less the 10% restocking fee of a change of mind")
                        .isEqualTo(eur(790 + 158 - 79)));
        assertThat(carrier.labels()).noneMatch(label -> label.returnId().equals(returnId));
        assertThat(erp.stockMovements()).filteredOn(movement -> movement.returnId().equals(returnId))
                .singleElement().satisfies(movement -> {
                    assertThat(movement.disposition()).isEqualTo(Disposition.SCRAP);
                    assertThat(movement.quantity()).isEqualTo(2);
                    assertThat(movement.effect()).isEqualTo(SandboxErp.StockEffect.WRITE_OFF);
                });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%ReturnItemsReceived'", Integer.class, returnId)).isZero();

        JsonNode entries = await().atMost(ProcessDriver.PATIENCE).until(() -> ledger(returnId),
                ledger -> ledger != null && kinds(ledger).contains("INVENTORY"));
        JsonNode writeOff = entry(entries, "WRITE_OFF");
        assertThat(writeOff.path("quantity").asInt()).isEqualTo(2);
        assertThat(writeOff.path("orderLineId").asText()).isEqualTo(balms);
        assertThat(writeOff.path("amount").path("minor").asLong()).isEqualTo(790);
        assertThat(entry(entries, "INVENTORY").path("disposition").asText()).isEqualTo("SCRAP");
        assertThat(kinds(entries)).doesNotContain("ITEMS_ACCEPTED");
    }

    @Test
    void a_store_return_is_not_refunded_before_its_fraud_score_and_is_once_the_score_answers_low_risk() {
        fraud.behaviour().setFailureRate(1.0);
        OrderSnapshot order = registeredCopy(orders, DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        String hoodie = TestOrders.line(order, 1);
        String returnId = driver.requestStoreReturn(order.orderId(), DemoOrders.DEMO_STORE,
                List.of(line(hoodie, 1, "CHANGED_MIND")));
        driver.receiveAndInspect(returnId, DemoOrders.DEMO_STORE, Map.of(hoodie, 1));

        driver.awaitStatus(returnId, "INSPECTED");
        // two failed fraud checks, a second apart: time enough for a refund that did not wait for the score
        await().atMost(ProcessDriver.PATIENCE).until(() -> failedFraudChecks(returnId) >= 2);
        assertThat(payments.refunds()).noneMatch(refund -> refund.returnId().equals(returnId));
        assertThat(driver.currentStatus(returnId)).contains("INSPECTED");

        fraud.behaviour().setFailureRate(0);
        driver.awaitStatus(returnId, "COMPLETED");
        assertThat(payments.refunds()).filteredOn(refund -> refund.returnId().equals(returnId)).hasSize(1);
    }

    @Test
    void a_gift_return_is_refunded_in_store_credit_and_only_the_recipient_hears_of_it() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.webApparelOrder(clock.instant()));
        String jeans = TestOrders.line(order, 2);
        ResponseEntity<JsonNode> answer = api.requestReturn("gift-" + order.orderId(), Map.of("orderId",
                order.orderId(), "channel", "WEB", "giftReturn", true,
                "giftRecipient", Map.of("name", "Ada Lovelace", "email", "ada@example.com"),
                "lines", List.of(line(jeans, 1, "SIZE_OR_FIT"))));
        assertThat(answer.getBody().path("status").asText()).as(String.valueOf(answer.getBody()))
                .isEqualTo("AUTHORIZED");
        String returnId = answer.getBody().path("returnId").asText();
        driver.receiveAndInspectWhenLabelled(returnId, order.fulfilmentLocationId(), Map.of(jeans, 1));

        driver.awaitStatus(returnId, "COMPLETED");
        assertThat(payments.refunds()).filteredOn(refund -> refund.returnId().equals(returnId)).singleElement()
                .satisfies(refund -> {
                    assertThat(refund.tenders()).extracting(TenderRefund::type).containsExactly(TenderType.STORE_CREDIT);
                    assertThat(refund.storeCreditHolder()) // the recipient's credit, not the buyer's
                            .isEqualTo(CreditRecipient.giftRecipient("Ada Lovelace", "ada@example.com"));
                });
        assertThat(crm.notifications()).filteredOn(notice -> notice.returnId().equals(returnId)).isNotEmpty()
                .allSatisfy(notice -> {
                    assertThat(notice.giftRecipientEmail()).isEqualTo("ada@example.com");
                    assertThat(notice.buyerNotified()).isFalse();
                });
    }

    @Test
    void a_gift_return_to_the_buyers_card_is_refused_and_leaves_the_key_free_for_the_corrected_request() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.webApparelOrder(clock.instant()));
        String key = "gift-card-" + order.orderId();
        Map<String, Object> toTheCard = giftRequest(order, "ORIGINAL_TENDER");

        ResponseEntity<JsonNode> refused = api.requestReturn(key, toTheCard);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().path("code").asText()).as(String.valueOf(refused.getBody()))
                .isEqualTo("GIFT_RETURN_NEEDS_STORE_CREDIT");
        ResponseEntity<JsonNode> corrected = api.requestReturn(key, giftRequest(order, "STORE_CREDIT"));
        assertThat(corrected.getStatusCode().value()).as(String.valueOf(corrected.getBody())).isEqualTo(201);
    }

    private static Map<String, Object> giftRequest(OrderSnapshot order, String refundMethod) {
        return Map.of("orderId", order.orderId(), "channel", "WEB", "giftReturn", true,
                "refundMethod", refundMethod, "giftRecipient", Map.of("email", "ada@example.com"),
                "lines", List.of(line(TestOrders.line(order, 2), 1, "SIZE_OR_FIT")));
    }

    private int failedFraudChecks(String returnId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%StepAttemptFailed'", Integer.class, returnId);
    }

    private JsonNode ledger(String returnId) {
        ResponseEntity<JsonNode> ledger = api.get("/api/v1/finance/returns/" + returnId + "/ledger");
        return ledger.getStatusCode().is2xxSuccessful() ? ledger.getBody().path("entries") : null;
    }
}
