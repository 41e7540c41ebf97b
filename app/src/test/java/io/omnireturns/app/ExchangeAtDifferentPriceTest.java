package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoCatalogue;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.omnireturns.app.Answers.option;
import static io.omnireturns.app.ProcessDriver.exchangeLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exchanges at a different price end to end, on the sandbox connectors: the quote shows the difference, the return
 * requested with the quote charges it once (or refunds it) and completes; a card that refuses the charge sends the
 * step to the exception queue; a quote the request cannot have records nothing.
 */
@AppIntegrationTest
@QuickProcessTiming
class ExchangeAtDifferentPriceTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Clock clock;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    SandboxPaymentGateway payments;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    ProcessDriver driver;

    @BeforeEach
    void driver() {
        api = new ApiClient(rest);
        driver = new ProcessDriver(api);
    }

    @AfterEach
    void cardsAcceptCharges() {
        payments.setDeclineCharges(false);
    }

    @Test
    void a_dearer_jacket_is_quoted_charged_once_and_the_exchange_completes() {
        OrderSnapshot order = freshApparelOrder();
        String jacket = TestOrders.line(order, 1);
        JsonNode quote = quote(order, jacket, DemoCatalogue.DEARER_JACKET_SKU);
        JsonNode exchange = option(quote, "EXCHANGE");
        assertThat(exchange.path("charge").path("minor").asLong()).isEqualTo(4200); // 149.94 - 107.94
        assertThat(exchange.path("refund").path("minor").asLong()).isZero();

        String returnId = requestWithQuote(order, jacket, DemoCatalogue.DEARER_JACKET_SKU, quote);
        driver.receiveAndInspectWhenLabelled(returnId, order.fulfilmentLocationId(), Map.of(jacket, 1));
        driver.awaitStatus(returnId, "COMPLETED");

        List<SandboxPaymentGateway.Charge> charges = payments.charges().stream()
                .filter(charge -> charge.returnId().equals(returnId)).toList();
        assertThat(charges).singleElement().satisfies(charge -> {
            assertThat(charge.amount()).isEqualTo(Money.of(4200, "EUR"));
            assertThat(charge.idempotencyKey()).isEqualTo(returnId + ":CHARGE_DIFFERENCE");
            assertThat(charge.tenderId()).isEqualTo(order.orderId() + "-T1");
        });
        assertThat(payments.refunds().stream().filter(refund -> refund.returnId().equals(returnId))).isEmpty();
        assertThat(orders.replacementOrders().stream().filter(placed -> placed.returnId().equals(returnId)))
                .singleElement().satisfies(placed -> assertThat(placed.items()).singleElement()
                        .satisfies(item -> assertThat(item.replacementSku()).isEqualTo(DemoCatalogue.DEARER_JACKET_SKU)));
        JsonNode ledger = await().atMost(ProcessDriver.PATIENCE).until(
                () -> api.as("finance").get("/api/v1/finance/returns/" + returnId + "/ledger").getBody(),
                body -> body != null && body.toString().contains("DIFFERENCE_CHARGE"));
        assertThat(ledger.toString()).contains("PSP-CH-");
    }

    @Test
    void cheaper_jeans_give_the_difference_back_to_the_card() {
        OrderSnapshot order = freshApparelOrder();
        String jeans = TestOrders.line(order, 2);
        JsonNode quote = quote(order, jeans, DemoCatalogue.CHEAPER_JEANS_SKU);
        assertThat(option(quote, "EXCHANGE").path("refund").path("minor").asLong()).isEqualTo(2400); // 71.94 - 47.94

        String returnId = requestWithQuote(order, jeans, DemoCatalogue.CHEAPER_JEANS_SKU, quote);
        driver.receiveAndInspectWhenLabelled(returnId, order.fulfilmentLocationId(), Map.of(jeans, 1));
        driver.awaitStatus(returnId, "COMPLETED");

        assertThat(payments.refunds().stream().filter(refund -> refund.returnId().equals(returnId)))
                .singleElement().satisfies(refund -> assertThat(refund.amount()).isEqualTo(Money.of(2400, "EUR")));
        assertThat(payments.charges().stream().filter(charge -> charge.returnId().equals(returnId))).isEmpty();
        assertThat(orders.replacementOrders().stream().filter(placed -> placed.returnId().equals(returnId))).hasSize(1);
    }

    @Test
    void store_credit_requested_with_its_quote_pays_the_quoted_bonus() {
        OrderSnapshot order = freshApparelOrder();
        String jacket = TestOrders.line(order, 1);
        ResponseEntity<JsonNode> answer = api.post("/api/v1/returns/quotes", Map.of("orderId", order.orderId(),
                "channel", "WEB", "lines", List.of(ProcessDriver.line(jacket, 1, "SIZE_OR_FIT"))));
        JsonNode credit = option(answer.getBody(), "STORE_CREDIT");
        assertThat(credit.path("refund").path("minor").asLong()).isEqualTo(11873); // 107.94 + 10 % (10.79)

        ResponseEntity<JsonNode> requested = api.requestReturn(UUID.randomUUID().toString(), Map.of(
                "orderId", order.orderId(), "channel", "WEB", "refundMethod", "STORE_CREDIT",
                "quoteId", answer.getBody().path("quoteId").asText(),
                "lines", List.of(ProcessDriver.line(jacket, 1, "SIZE_OR_FIT"))));
        String returnId = requested.getBody().path("returnId").asText();
        driver.receiveAndInspectWhenLabelled(returnId, order.fulfilmentLocationId(), Map.of(jacket, 1));
        driver.awaitStatus(returnId, "COMPLETED");

        assertThat(payments.refunds().stream().filter(refund -> refund.returnId().equals(returnId)))
                .singleElement().satisfies(refund -> {
                    assertThat(refund.amount()).isEqualTo(Money.of(11873, "EUR"));
                    assertThat(refund.tenders()).singleElement()
                            .satisfies(tender -> assertThat(tender.tenderId()).isEqualTo("STORE_CREDIT"));
                });
        JsonNode ledger = await().atMost(ProcessDriver.PATIENCE).until(
                () -> api.as("finance").get("/api/v1/finance/returns/" + returnId + "/ledger").getBody(),
                body -> body != null && body.toString().contains("STORE_CREDIT_BONUS"));
        assertThat(ledger.toString()).contains("1079");
    }

    @Test
    void a_card_that_refuses_the_difference_sends_the_charge_to_the_exception_queue() {
        OrderSnapshot order = freshApparelOrder();
        String jacket = TestOrders.line(order, 1);
        JsonNode quote = quote(order, jacket, DemoCatalogue.DEARER_JACKET_SKU);
        payments.setDeclineCharges(true);

        String returnId = requestWithQuote(order, jacket, DemoCatalogue.DEARER_JACKET_SKU, quote);
        driver.receiveAndInspectWhenLabelled(returnId, order.fulfilmentLocationId(), Map.of(jacket, 1));
        driver.awaitStatus(returnId, "ON_HOLD");

        JsonNode open = await().atMost(ProcessDriver.PATIENCE).until(
                () -> api.get("/api/v1/exceptions?returnId=" + returnId).getBody(),
                body -> body != null && body.toString().contains("CHARGE_DIFFERENCE"));
        assertThat(open.toString()).contains("CARD_DECLINED");
        assertThat(payments.charges().stream().filter(charge -> charge.returnId().equals(returnId))).isEmpty();
        assertThat(orders.replacementOrders().stream().filter(placed -> placed.returnId().equals(returnId))).isEmpty();
    }

    @Test
    void a_quote_for_another_order_is_refused_and_nothing_is_recorded() {
        OrderSnapshot quoted = freshApparelOrder();
        OrderSnapshot other = freshApparelOrder();
        JsonNode quote = quote(quoted, TestOrders.line(quoted, 1), DemoCatalogue.DEARER_JACKET_SKU);

        Map<String, Object> body = new HashMap<>(Map.of("orderId", other.orderId(), "channel", "WEB",
                "refundMethod", "EXCHANGE", "quoteId", quote.path("quoteId").asText(),
                "lines", List.of(exchangeLine(TestOrders.line(other, 1), 1, DemoCatalogue.DEARER_JACKET_SKU))));
        ResponseEntity<JsonNode> refused = api.requestReturn(UUID.randomUUID().toString(), body);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("QUOTE_FOR_ANOTHER_ORDER");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry
                WHERE payloadtype LIKE '%ReturnRequested' AND convert_from(payload, 'UTF8') LIKE ?""",
                Long.class, "%" + other.orderId() + "%")).isZero();
    }

    @Test
    void a_replacement_out_of_stock_is_refused_before_anything_is_recorded() {
        OrderSnapshot order = freshApparelOrder();
        Map<String, Object> body = Map.of("orderId", order.orderId(), "channel", "WEB", "refundMethod", "EXCHANGE",
                "lines", List.of(exchangeLine(TestOrders.line(order, 1), 1, DemoCatalogue.OUT_OF_STOCK_JACKET_SKU)));

        ResponseEntity<JsonNode> refused = api.requestReturn(UUID.randomUUID().toString(), body);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("REPLACEMENT_OUT_OF_STOCK");
    }

    private OrderSnapshot freshApparelOrder() {
        OrderSnapshot order = TestOrders.copyOf(DemoOrders.webApparelOrder(clock.instant()));
        orders.register(order);
        return order;
    }

    private JsonNode quote(OrderSnapshot order, String orderLineId, String replacementSku) {
        ResponseEntity<JsonNode> answer = api.post("/api/v1/returns/quotes", Map.of("orderId", order.orderId(),
                "channel", "WEB", "lines", List.of(exchangeLine(orderLineId, 1, replacementSku))));
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
        return answer.getBody();
    }

    private String requestWithQuote(OrderSnapshot order, String orderLineId, String replacementSku, JsonNode quote) {
        ResponseEntity<JsonNode> answer = api.requestReturn(UUID.randomUUID().toString(), Map.of(
                "orderId", order.orderId(), "channel", "WEB", "refundMethod", "EXCHANGE",
                "quoteId", quote.path("quoteId").asText(),
                "lines", List.of(exchangeLine(orderLineId, 1, replacementSku))));
        assertThat(answer.getBody().path("status").asText()).as(String.valueOf(answer.getBody())).isEqualTo("AUTHORIZED");
        return answer.getBody().path("returnId").asText();
    }
}
