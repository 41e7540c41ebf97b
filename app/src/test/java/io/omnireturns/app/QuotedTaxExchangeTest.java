package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.command.connectors.erp.SandboxErp;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import io.omnireturns.command.connectors.tax.SandboxTaxService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.omnireturns.app.Answers.option;
import static io.omnireturns.app.TestOrders.eur;
import static io.omnireturns.app.TestOrders.registeredCopy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quote that needs the tax service is honoured to the minor unit, end to end on the sandbox connectors: the README's
 * beanie of the demo store order (14.95 + 2.99 French tax) exchanged in the German store for the zip hoodie (59.94,
 * 49.95 net at the beanie's 20 %): 35.00 net more with 6.65 German tax, 41.65 where the catalogue says 42.00. The quote
 * shows 41.65, the return requested with it is charged 41.65 and posts the quote's figures without asking the tax
 * service again. A tax service that cannot answer gives no quote, and nothing is kept.
 */
@AppIntegrationTest
@QuickProcessTiming
class QuotedTaxExchangeTest {

    private static final String GERMAN_STORE = "STORE-DE-01";
    private static final String HOODIE = "HOD-ZIP-GRN-M";
    private static final String JACKET = "JKT-RAIN-NVY-M";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Clock clock;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    SandboxTaxService taxService;
    @Autowired
    SandboxPaymentGateway payments;
    @Autowired
    SandboxErp erp;
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
    void taxServiceWorksAgain() {
        taxService.behaviour().setFailureRate(0);
    }

    @Test
    void a_cross_border_exchange_is_charged_exactly_what_its_quote_showed_with_the_tax_services_figures() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        String beanie = TestOrders.line(order, 2);
        Map<String, Object> lines = ProcessDriver.exchangeLine(beanie, 1, HOODIE);

        ResponseEntity<JsonNode> quoted = api.as("pos").post("/api/v1/returns/quotes", Map.of(
                "orderId", order.orderId(), "channel", "STORE", "storeId", GERMAN_STORE, "lines", List.of(lines)));
        assertThat(quoted.getStatusCode().value()).as(String.valueOf(quoted.getBody())).isEqualTo(201);
        JsonNode exchange = option(quoted.getBody(), "EXCHANGE");
        assertThat(exchange.path("charge").path("minor").asLong()).isEqualTo(4165);
        assertThat(exchange.path("refund").path("minor").asLong()).isZero();
        assertThat(exchange.path("taxReasons")).extracting(JsonNode::asText)
                .containsExactly("CROSS_JURISDICTION", "PRICE_DIFFERENCE");
        String quoteId = quoted.getBody().path("quoteId").asText();

        ResponseEntity<JsonNode> requested = api.as("pos").requestReturn("quoted-tax-" + order.orderId(), Map.of(
                "orderId", order.orderId(), "channel", "STORE", "storeId", GERMAN_STORE, "refundMethod", "EXCHANGE",
                "quoteId", quoteId, "lines", List.of(lines)));
        assertThat(requested.getStatusCode().value()).as(String.valueOf(requested.getBody())).isEqualTo(201);
        String returnId = requested.getBody().path("returnId").asText();
        driver.receiveAndInspect(returnId, GERMAN_STORE, Map.of(beanie, 1));
        JsonNode view = driver.awaitStatus(returnId, "COMPLETED");

        assertThat(payments.charges().stream().filter(charge -> charge.returnId().equals(returnId)))
                .singleElement().satisfies(charge -> assertThat(charge.amount()).isEqualTo(eur(4165)));
        // the quote's figures were applied: the return never asked the tax service itself
        assertThat(taxService.calculations()).noneMatch(calculation -> calculation.calculationId().contains(returnId));
        assertThat(view.path("systems").findValuesAsText("system")).doesNotContain("TAX");
        assertThat(erp.creditMemos().stream().filter(memo -> memo.returnId().equals(returnId))).singleElement()
                .satisfies(memo -> assertThat(memo.taxByJurisdiction()).containsExactly(
                        new JurisdictionTax("FR", eur(1495), eur(299)), new JurisdictionTax("DE", eur(-3500), eur(-665))));
        List<String> types = new ArrayList<>();
        api.as("auditor").get("/api/v1/returns/" + returnId + "/history").getBody().path("events").forEach(event -> {
            types.add(event.path("eventType").asText());
            if ("RefundTaxApplied".equals(event.path("eventType").asText())) {
                assertThat(event.path("payload").path("calculationId").asText())
                        .isEqualTo("TAX-" + quoteId + ":TAX:EXCHANGE");
            }
        });
        assertThat(types).containsSubsequence("SettlementTermsAgreed", "ReturnInspectionCompleted", "RefundApproved",
                "RefundTaxApplied").doesNotContain("RefundTaxRequested");
    }

    @Test
    void a_cross_border_exchange_for_a_change_of_mind_is_charged_what_its_quote_showed_the_fee_with_its_tax_included() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        String hoodie = TestOrders.line(order, 1);
        Map<String, Object> lines = changedMindFor(hoodie, JACKET);

        ResponseEntity<JsonNode> quoted = api.as("pos").post("/api/v1/returns/quotes", Map.of(
                "orderId", order.orderId(), "channel", "STORE", "storeId", GERMAN_STORE, "lines", List.of(lines)));
        assertThat(quoted.getStatusCode().value()).as(String.valueOf(quoted.getBody())).isEqualTo(201);
        // the hoodie gives back 49.95 + 9.99 French tax less the 4.99 fee and 0.95 German tax on it (54.00); the
        // jacket costs the hoodie's 9.99 tax + 89.95 net + 7.60 German tax on the 40.00 difference (107.54)
        JsonNode exchange = option(quoted.getBody(), "EXCHANGE");
        assertThat(exchange.path("charge").path("minor").asLong()).isEqualTo(5354);
        assertThat(exchange.path("taxReasons")).extracting(JsonNode::asText)
                .containsExactly("CROSS_JURISDICTION", "PRICE_DIFFERENCE");
        String quoteId = quoted.getBody().path("quoteId").asText();

        ResponseEntity<JsonNode> requested = api.as("pos").requestReturn("quoted-fee-" + order.orderId(), Map.of(
                "orderId", order.orderId(), "channel", "STORE", "storeId", GERMAN_STORE, "refundMethod", "EXCHANGE",
                "quoteId", quoteId, "lines", List.of(lines)));
        assertThat(requested.getStatusCode().value()).as(String.valueOf(requested.getBody())).isEqualTo(201);
        String returnId = requested.getBody().path("returnId").asText();
        driver.receiveAndInspect(returnId, GERMAN_STORE, Map.of(hoodie, 1));
        driver.awaitStatus(returnId, "COMPLETED");

        assertThat(payments.charges().stream().filter(charge -> charge.returnId().equals(returnId)))
                .singleElement().satisfies(charge -> assertThat(charge.amount()).isEqualTo(eur(5354)));
        assertThat(taxService.calculations()).noneMatch(calculation -> calculation.calculationId().contains(returnId));
        assertThat(erp.creditMemos().stream().filter(memo -> memo.returnId().equals(returnId))).singleElement()
                .satisfies(memo -> assertThat(memo.taxByJurisdiction()).containsExactly(
                        new JurisdictionTax("FR", eur(4995), eur(999)),
                        new JurisdictionTax("DE", eur(-499 - 4000), eur(-95 - 760))));
    }

    @Test
    void a_cross_border_exchange_for_a_change_of_mind_without_a_quote_asks_the_tax_service_and_charges_the_same() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        String hoodie = TestOrders.line(order, 1);

        ResponseEntity<JsonNode> requested = api.as("pos").requestReturn("unquoted-fee-" + order.orderId(), Map.of(
                "orderId", order.orderId(), "channel", "STORE", "storeId", GERMAN_STORE, "refundMethod", "EXCHANGE",
                "lines", List.of(changedMindFor(hoodie, JACKET))));
        assertThat(requested.getStatusCode().value()).as(String.valueOf(requested.getBody())).isEqualTo(201);
        String returnId = requested.getBody().path("returnId").asText();
        driver.receiveAndInspect(returnId, GERMAN_STORE, Map.of(hoodie, 1));
        driver.awaitStatus(returnId, "COMPLETED");

        assertThat(taxService.calculations()).filteredOn(calculation -> calculation.calculationId().contains(returnId))
                .singleElement().satisfies(calculation -> assertThat(calculation.calculationId())
                        .isEqualTo("TAX-" + returnId + ":CALCULATE_TAX:1"));
        assertThat(payments.charges().stream().filter(charge -> charge.returnId().equals(returnId)))
                .singleElement().satisfies(charge -> assertThat(charge.amount()).isEqualTo(eur(5354)));
    }

    @Test
    void a_return_asking_the_tax_service_something_else_than_its_quote_asks_again_and_settles_on_that_answer() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        String beanies = TestOrders.line(order, 2);
        ResponseEntity<JsonNode> quoted = api.as("pos").post("/api/v1/returns/quotes", Map.of(
                "orderId", order.orderId(), "channel", "STORE", "storeId", GERMAN_STORE,
                "lines", List.of(ProcessDriver.line(beanies, 2, "SIZE_OR_FIT"))));
        assertThat(option(quoted.getBody(), "ORIGINAL_TENDER").path("refund").path("minor").asLong()).isEqualTo(3588);

        // one beanie of the two quoted: the tax service was not asked about one, so the return asks it
        ResponseEntity<JsonNode> requested = api.as("pos").requestReturn("fewer-than-quoted-" + order.orderId(),
                Map.of("orderId", order.orderId(), "channel", "STORE", "storeId", GERMAN_STORE,
                        "refundMethod", "ORIGINAL_TENDER", "quoteId", quoted.getBody().path("quoteId").asText(),
                        "lines", List.of(ProcessDriver.line(beanies, 1, "SIZE_OR_FIT"))));
        assertThat(requested.getStatusCode().value()).as(String.valueOf(requested.getBody())).isEqualTo(201);
        String returnId = requested.getBody().path("returnId").asText();
        driver.receiveAndInspect(returnId, GERMAN_STORE, Map.of(beanies, 1));
        JsonNode view = driver.awaitStatus(returnId, "COMPLETED");

        assertThat(view.path("refund").path("approvedTotal").path("minor").asLong()).isEqualTo(1794);
        assertThat(taxService.calculations()).filteredOn(calculation -> calculation.calculationId().contains(returnId))
                .singleElement().satisfies(calculation -> assertThat(calculation.calculationId())
                        .isEqualTo("TAX-" + returnId + ":CALCULATE_TAX:1"));
    }

    @Test
    void a_quote_the_tax_service_cannot_price_answers_the_problem_and_changes_nothing() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        Map<String, Object> body = Map.of("orderId", order.orderId(), "channel", "STORE", "storeId", GERMAN_STORE,
                "lines", List.of(ProcessDriver.exchangeLine(TestOrders.line(order, 2), 1, HOODIE)));
        taxService.behaviour().setFailureRate(1.0);

        ResponseEntity<JsonNode> refused = api.as("pos").post("/api/v1/returns/quotes", body);

        assertThat(refused.getStatusCode().value()).isEqualTo(503);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().path("code").asText()).isEqualTo("TAX_SERVICE_UNAVAILABLE");
        assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM return_quote WHERE order_id = ?", Integer.class,
                order.orderId())).isZero();

        taxService.behaviour().setFailureRate(0);
        ResponseEntity<JsonNode> again = api.as("pos").post("/api/v1/returns/quotes", body);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(option(again.getBody(), "EXCHANGE").path("charge").path("minor").asLong()).isEqualTo(4165);
    }

    private static Map<String, Object> changedMindFor(String orderLineId, String replacementSku) {
        return Map.of("orderLineId", orderLineId, "quantity", 1, "reason", "CHANGED_MIND",
                "replacementSku", replacementSku);
    }
}
