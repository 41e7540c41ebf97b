package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.carrier.SandboxCarrier;
import io.omnireturns.command.connectors.crm.SandboxCrm;
import io.omnireturns.command.connectors.erp.SandboxErp;
import io.omnireturns.command.connectors.fraud.SandboxFraudScoring;
import io.omnireturns.command.connectors.loyalty.SandboxLoyalty;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import io.omnireturns.command.connectors.warehouse.SandboxWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.omnireturns.app.ProcessDriver.exchangeLine;
import static io.omnireturns.app.ProcessDriver.line;
import static io.omnireturns.app.TestOrders.registeredCopy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Returns driven end to end by the return process saga against the sandbox connectors, on embedded
 * PostgreSQL: every return reaches a terminal state, and what the sandboxes paid, credited and restocked
 * agrees with the status view to the minor unit, with and without injected connector failures.
 */
@AppIntegrationTest
@QuickProcessTiming
class ReturnProcessFlowTest {

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
    SandboxFraudScoring fraud;
    @Autowired
    SandboxCarrier carrier;
    @Autowired
    SandboxWarehouse warehouse;
    @Autowired
    SandboxCrm crm;
    @Autowired
    SandboxLoyalty loyalty;

    ProcessDriver driver;

    @BeforeEach
    void driver() {
        driver = new ProcessDriver(new ApiClient(rest));
    }

    @AfterEach
    void healthyConnectors() {
        setFailureRate(0);
    }

    @Test
    void two_hundred_returns_across_channels_all_complete_and_the_ledgers_agree_with_the_status_view() throws Exception {
        List<Callable<String>> journeys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            journeys.add(i % 10 < 6 ? this::webReturn : i % 10 < 9 ? this::storeReturn : this::exchange);
        }

        List<String> returnIds = runAll(journeys);

        for (String returnId : returnIds) {
            JsonNode view = driver.awaitStatus(returnId, "COMPLETED");
            assertLedgersAgreeWith(view);
        }
    }

    @Test
    void with_a_fifth_of_connector_calls_failing_every_return_ends_completed_or_on_hold_and_nothing_is_paid_twice()
            throws Exception {
        setFailureRate(0.2);
        List<Callable<String>> journeys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            journeys.add(i % 3 == 0 ? this::storeReturn : this::webReturn);
        }

        List<String> returnIds = runAll(journeys);

        int completed = 0;
        for (String returnId : returnIds) {
            JsonNode view = driver.awaitStatus(returnId, "COMPLETED", "ON_HOLD");
            if ("COMPLETED".equals(view.path("status").asText())) {
                completed++;
                assertLedgersAgreeWith(view);
            }
            assertThat(payments.refunds().stream().filter(refund -> refund.returnId().equals(returnId)))
                    .as("refunds of " + returnId).hasSizeLessThanOrEqualTo(1);
            assertThat(erp.creditMemos().stream().filter(memo -> memo.returnId().equals(returnId)))
                    .as("credit memos of " + returnId).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(completed).as("most returns get through a fifth of failed calls by retrying").isGreaterThan(50);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%StepAttemptFailed'",
                Integer.class)).as("failures were injected and recorded").isPositive();
    }

    @Test
    void a_payment_gateway_that_keeps_failing_sends_the_return_to_the_exception_queue_and_a_retry_completes_it() {
        payments.behaviour().setFailureRate(1.0);
        OrderSnapshot order = registeredCopy(orders, DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        String hoodie = TestOrders.line(order, 1);
        String returnId = driver.requestStoreReturn(order.orderId(), DemoOrders.DEMO_STORE,
                List.of(line(hoodie, 1, "DEFECTIVE")));
        driver.receiveAndInspect(returnId, DemoOrders.DEMO_STORE, Map.of(hoodie, 1));

        JsonNode held = driver.awaitView(returnId, view -> "ON_HOLD".equals(view.path("status").asText())
                && view.path("openExceptions").size() == 1);
        assertThat(held.path("hold").path("reason").asText()).isEqualTo("REFUND_FAILED");
        String exceptionId = held.path("openExceptions").get(0).path("exceptionId").asText();
        ApiClient api = new ApiClient(rest);
        JsonNode queued = org.awaitility.Awaitility.await().atMost(ProcessDriver.PATIENCE)
                .until(() -> api.get("/api/v1/exceptions/" + exceptionId), r -> r.getStatusCode().is2xxSuccessful()
                        && r.getBody().hasNonNull("caseId")).getBody();
        assertThat(queued.path("system").asText()).isEqualTo("PAYMENT");
        assertThat(crm.cases().stream().filter(c -> c.returnId().equals(returnId))).hasSize(1);
        assertThat(payments.refunds().stream().filter(r -> r.returnId().equals(returnId))).isEmpty();
        assertRetriesKeepTheTrailOfTheRequestThatStartedThePayment(api, returnId);

        payments.behaviour().setFailureRate(0);
        JsonNode retried = api.post("/api/v1/exceptions/" + exceptionId + "/retry", Map.of()).getBody();

        assertThat(retried.path("status").asText()).isEqualTo("REFUND_PENDING");
        JsonNode completed = driver.awaitStatus(returnId, "COMPLETED");
        assertLedgersAgreeWith(completed);
        assertThat(completed.path("openExceptions")).isEmpty();
    }

    /**
     * The auditors' history: the first payment attempt ran for the request that approved the refund; every later one
     * was started by a retry deadline, so its events name the system as actor and keep that request's conversation.
     */
    private static void assertRetriesKeepTheTrailOfTheRequestThatStartedThePayment(ApiClient api, String returnId) {
        JsonNode history = api.as("auditor").get("/api/v1/returns/" + returnId + "/history").getBody();
        List<JsonNode> attempts = new ArrayList<>();
        history.path("events").forEach(event -> {
            if ("StepAttemptFailed".equals(event.path("eventType").asText())
                    && "REFUND_PAYMENT".equals(event.path("payload").path("stepKey").asText())) {
                attempts.add(event);
            }
        });
        assertThat(attempts).hasSizeGreaterThan(1);
        JsonNode first = attempts.get(0);
        assertThat(first.path("actor").asText()).isNotEqualTo("system");
        String conversation = first.path("correlationId").asText();
        assertThat(conversation).isNotBlank();
        assertThat(attempts.subList(1, attempts.size())).allSatisfy(retried -> {
            assertThat(retried.path("actor").asText()).isEqualTo("system");
            assertThat(retried.path("sourceSystem").asText()).isEqualTo("omnireturns");
            assertThat(retried.path("correlationId").asText()).isEqualTo(conversation);
            assertThat(retried.path("metadata").path("trigger").asText()).startsWith("deadline:step-");
        });
    }

    private String webReturn() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.webApparelOrder(clock.instant()));
        String jacket = TestOrders.line(order, 1);
        String tShirt = TestOrders.line(order, 3);
        String returnId = driver.requestWebReturn(order.orderId(),
                List.of(line(jacket, 1, "SIZE_OR_FIT"), line(tShirt, 2, "DEFECTIVE")), "ORIGINAL_TENDER");
        driver.receiveAndInspectWhenLabelled(returnId, order.fulfilmentLocationId(), Map.of(jacket, 1, tShirt, 2));
        return returnId;
    }

    private String storeReturn() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        String hoodie = TestOrders.line(order, 1);
        String returnId = driver.requestStoreReturn(order.orderId(), DemoOrders.DEMO_STORE,
                List.of(line(hoodie, 1, "CHANGED_MIND")));
        driver.receiveAndInspect(returnId, DemoOrders.DEMO_STORE, Map.of(hoodie, 1));
        return returnId;
    }

    private String exchange() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.webApparelOrder(clock.instant()));
        String jacket = TestOrders.line(order, 1);
        String returnId = driver.requestWebReturn(order.orderId(), List.of(exchangeLine(jacket, 1, "JKT-RAIN-NVY-L")),
                "EXCHANGE");
        driver.receiveAndInspectWhenLabelled(returnId, order.fulfilmentLocationId(), Map.of(jacket, 1));
        return returnId;
    }

    private void assertLedgersAgreeWith(JsonNode view) {
        String returnId = view.path("returnId").asText();
        long approved = view.path("refund").path("approvedTotal").path("minor").asLong();
        List<SandboxPaymentGateway.Refund> refunds = payments.refunds().stream()
                .filter(refund -> refund.returnId().equals(returnId)).toList();
        if ("EXCHANGE".equals(view.path("refundMethod").asText())) {
            assertThat(refunds).as("an exchange pays no money back").isEmpty();
            assertThat(orders.replacementOrders().stream().filter(order -> order.returnId().equals(returnId))).hasSize(1);
        } else {
            assertThat(refunds).as("refunds of " + returnId).hasSize(1);
            assertThat(refunds.get(0).amount().minor()).isEqualTo(approved);
            assertThat(view.path("refund").path("refundedTotal").path("minor").asLong()).isEqualTo(approved);
        }
        List<SandboxErp.CreditMemo> memos = erp.creditMemos().stream()
                .filter(memo -> memo.returnId().equals(returnId)).toList();
        assertThat(memos).as("credit memos of " + returnId).hasSize(1);
        assertThat(memos.get(0).total().minor()).isEqualTo(approved);
        Map<String, Integer> moved = erp.stockMovements().stream()
                .filter(movement -> movement.returnId().equals(returnId))
                .collect(Collectors.groupingBy(SandboxErp.StockMovement::orderLineId,
                        Collectors.summingInt(SandboxErp.StockMovement::quantity)));
        Map<String, Long> movementsPerLine = erp.stockMovements().stream()
                .filter(movement -> movement.returnId().equals(returnId))
                .collect(Collectors.groupingBy(SandboxErp.StockMovement::orderLineId, Collectors.counting()));
        for (JsonNode line : view.path("lines")) {
            int accepted = line.path("inspection").path("acceptedQuantity").asInt();
            if (accepted > 0) {
                String lineId = line.path("orderLineId").asText();
                assertThat(movementsPerLine.get(lineId)).as("stock movements of " + lineId).isEqualTo(1);
                assertThat(moved.get(lineId)).isEqualTo(line.path("logistics").path("receivedQuantity").asInt());
            }
        }
    }

    private List<String> runAll(List<Callable<String>> journeys) throws Exception {
        ExecutorService channels = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> started = channels.invokeAll(journeys);
            List<String> returnIds = new ArrayList<>();
            for (Future<String> journey : started) {
                returnIds.add(journey.get());
            }
            return returnIds;
        } finally {
            channels.shutdownNow();
        }
    }

    private void setFailureRate(double rate) {
        fraud.behaviour().setFailureRate(rate);
        carrier.behaviour().setFailureRate(rate);
        warehouse.behaviour().setFailureRate(rate);
        payments.behaviour().setFailureRate(rate);
        erp.behaviour().setFailureRate(rate);
        crm.behaviour().setFailureRate(rate);
        loyalty.behaviour().setFailureRate(rate);
    }
}
