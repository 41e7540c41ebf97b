package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.command.connectors.erp.SandboxErp;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import io.omnireturns.command.connectors.tax.SandboxTaxService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.omnireturns.app.ProcessDriver.line;
import static io.omnireturns.app.TestOrders.eur;
import static io.omnireturns.app.TestOrders.registeredCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The refund's tax from the tax service, end to end on embedded PostgreSQL with the sandbox connectors: a hoodie
 * bought in the French demo store (49.95 + 9.99 tax) and taken back, for a change of mind, in the German one. The
 * tax service gives back the French tax and charges German tax on the 10 % restocking fee the store keeps; the
 * credit memo posts those figures per jurisdiction, and finance reconciles them per jurisdiction. The same hoodie
 * exchanged there for a dearer jacket: the difference is charged with German tax on it, and still balances.
 */
@AppIntegrationTest
@TestPropertySource(properties = {
        "omnireturns.process.step-retry-backoff=100ms",
        "omnireturns.process.step-retry-max-backoff=400ms"})
class TaxServiceRefundTest {

    private static final String GERMAN_STORE = "STORE-DE-01";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Clock clock;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    SandboxErp erp;
    @Autowired
    SandboxTaxService taxService;
    @Autowired
    SandboxPaymentGateway payments;

    ApiClient api;
    ProcessDriver driver;

    @BeforeEach
    void driver() {
        api = new ApiClient(rest);
        driver = new ProcessDriver(api);
    }

    @Test
    void a_store_return_in_another_country_posts_the_tax_services_figures_and_finance_reconciles_them_per_jurisdiction() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        String hoodie = TestOrders.line(order, 1);

        String returnId = driver.requestStoreReturn(order.orderId(), GERMAN_STORE,
                List.of(line(hoodie, 1, "CHANGED_MIND")));
        driver.receiveAndInspect(returnId, GERMAN_STORE, Map.of(hoodie, 1));
        JsonNode view = driver.awaitStatus(returnId, "COMPLETED");

        // 49.95 + 9.99 French tax - 4.99 fee - 0.95 German tax on the fee (19 % of 4.99 = 0.9481)
        assertThat(view.path("refund").path("approvedTotal").path("minor").asLong()).isEqualTo(5400);
        assertThat(ProcessDriver.system(view, "TAX").path("state").asText()).isEqualTo("CALCULATED");
        List<TaxCalculation> calculations = taxService.calculations().stream()
                .filter(calculation -> calculation.calculationId().contains(returnId)).toList();
        assertThat(calculations).hasSize(1);
        List<JurisdictionTax> expected = List.of(new JurisdictionTax("FR", eur(4995), eur(999)),
                new JurisdictionTax("DE", eur(-499), eur(-95)));
        SandboxErp.CreditMemo memo = erp.creditMemos().stream().filter(m -> m.returnId().equals(returnId))
                .findFirst().orElseThrow();
        assertThat(memo.total()).isEqualTo(eur(5400));
        assertThat(memo.lines()).singleElement().satisfies(refunded -> {
            assertThat(refunded.tax()).isEqualTo(eur(904));
            assertThat(refunded.restockingFee()).isEqualTo(eur(499));
            assertThat(refunded.ruleCodes()).contains("TAX_FROM_TAX_SERVICE", "RESTOCKING_FEE_TAXED");
        });
        assertThat(memo.taxByJurisdiction()).isEqualTo(expected);
        assertTheHistoryTellsWhichTaxWasGivenBackAndWhy(returnId);

        String period = bookedPeriodOf(returnId);
        JsonNode report = await().atMost(ProcessDriver.PATIENCE).until(
                () -> api.as("finance").get("/api/v1/finance/periods/" + period + "/reconciliation").getBody(),
                body -> taxOf(body, "DE") != null && taxOf(body, "DE").path("creditMemoTax").path("minor").asLong() != 0);
        assertThat(taxOf(report, "FR").path("taxGivenBack").path("minor").asLong()).isGreaterThanOrEqualTo(999);
        for (String jurisdiction : List.of("FR", "DE")) {
            JsonNode tax = taxOf(report, jurisdiction);
            assertThat(tax.path("balanced").asBoolean()).as(jurisdiction + " balances").isTrue();
            assertThat(tax.path("taxGivenBack")).isEqualTo(tax.path("creditMemoTax"));
        }
        List<String> mismatches = new ArrayList<>();
        report.path("discrepancies").path("content").forEach(found -> {
            if ("TAX_MISMATCH".equals(found.path("kind").asText())) {
                mismatches.add(found.path("returnId").asText());
            }
        });
        assertThat(mismatches).doesNotContain(returnId);
    }

    @Test
    void an_exchange_for_a_dearer_item_in_another_country_charges_the_difference_with_that_countrys_tax_and_balances() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        String hoodie = TestOrders.line(order, 1);

        ResponseEntity<JsonNode> requested = api.requestReturn("exchange-de-" + order.orderId(), Map.of(
                "orderId", order.orderId(), "channel", "STORE", "storeId", GERMAN_STORE, "refundMethod", "EXCHANGE",
                "lines", List.of(ProcessDriver.exchangeLine(hoodie, 1, "JKT-RAIN-NVY-M"))));
        assertThat(requested.getStatusCode().value()).as(String.valueOf(requested.getBody())).isEqualTo(201);
        String returnId = requested.getBody().path("returnId").asText();
        driver.receiveAndInspect(returnId, GERMAN_STORE, Map.of(hoodie, 1));
        driver.awaitStatus(returnId, "COMPLETED");

        // the hoodie gives back 49.95 + 9.99 French tax; the jacket (107.94, 89.95 net at the hoodie's 20 %) is
        // 40.00 net dearer, taxed 7.60 in Germany (19 %): 47.60 charged, not the catalogue's 48.00
        assertThat(taxService.calculations().stream().filter(c -> c.calculationId().contains(returnId)))
                .singleElement().satisfies(calculation -> assertThat(calculation.byJurisdiction()).containsExactly(
                        new JurisdictionTax("FR", eur(4995), eur(999)), new JurisdictionTax("DE", eur(4000), eur(760))));
        assertThat(payments.charges().stream().filter(charge -> charge.returnId().equals(returnId)))
                .singleElement().satisfies(charge -> assertThat(charge.amount()).isEqualTo(eur(4760)));
        List<JurisdictionTax> expected = List.of(new JurisdictionTax("FR", eur(4995), eur(999)),
                new JurisdictionTax("DE", eur(-4000), eur(-760)));
        assertThat(erp.creditMemos().stream().filter(m -> m.returnId().equals(returnId))).singleElement()
                .satisfies(memo -> {
                    assertThat(memo.total()).isEqualTo(eur(5994));
                    assertThat(memo.taxByJurisdiction()).isEqualTo(expected);
                });

        JsonNode ledger = await().atMost(ProcessDriver.PATIENCE).until(
                () -> api.as("finance").get("/api/v1/finance/returns/" + returnId + "/ledger").getBody(),
                body -> body != null && hasKind(body, "CREDIT_MEMO_TAX") && hasKind(body, "DIFFERENCE_CHARGE"));
        Map<String, Long> given = new java.util.TreeMap<>();
        Map<String, Long> posted = new java.util.TreeMap<>();
        for (JsonNode entry : ledger.path("entries")) {
            Map<String, Long> into = "TAX_GIVEN_BACK".equals(entry.path("kind").asText()) ? given
                    : "CREDIT_MEMO_TAX".equals(entry.path("kind").asText()) ? posted : null;
            if (into != null) {
                into.merge(entry.path("jurisdiction").asText(), entry.path("amount").path("minor").asLong(), Long::sum);
            }
        }
        assertThat(given).isEqualTo(Map.of("FR", 999L, "DE", -760L)).isEqualTo(posted);
        String period = ledger.path("entries").get(0).path("bookedPeriod").asText();
        JsonNode report = api.as("finance").get("/api/v1/finance/periods/" + period + "/reconciliation?size=100")
                .getBody();
        for (String jurisdiction : List.of("FR", "DE")) {
            assertThat(taxOf(report, jurisdiction).path("balanced").asBoolean()).as(jurisdiction + " balances").isTrue();
        }
        report.path("discrepancies").path("content").forEach(found ->
                assertThat(found.path("returnId").asText()).as(found.toString()).isNotEqualTo(returnId));
    }

    @Test
    void a_store_return_where_it_was_sold_keeps_the_proportional_share_and_asks_no_tax_service() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        String hoodie = TestOrders.line(order, 1);

        String returnId = driver.requestStoreReturn(order.orderId(), DemoOrders.DEMO_STORE,
                List.of(line(hoodie, 1, "CHANGED_MIND")));
        driver.receiveAndInspect(returnId, DemoOrders.DEMO_STORE, Map.of(hoodie, 1));
        JsonNode view = driver.awaitStatus(returnId, "COMPLETED");

        assertThat(view.path("refund").path("approvedTotal").path("minor").asLong()).isEqualTo(5495);
        assertThat(view.path("systems").findValuesAsText("system")).doesNotContain("TAX");
        assertThat(taxService.calculations()).noneMatch(calculation -> calculation.calculationId().contains(returnId));
        assertThat(erp.creditMemos().stream().filter(m -> m.returnId().equals(returnId)))
                .singleElement().satisfies(memo -> assertThat(memo.taxByJurisdiction()).isEmpty());
    }

    private void assertTheHistoryTellsWhichTaxWasGivenBackAndWhy(String returnId) {
        JsonNode history = api.as("auditor").get("/api/v1/returns/" + returnId + "/history").getBody();
        List<String> types = new ArrayList<>();
        history.path("events").forEach(event -> {
            types.add(event.path("eventType").asText());
            if ("RefundTaxRequested".equals(event.path("eventType").asText())) {
                assertThat(event.path("payload").path("reasons").get(0).asText()).isEqualTo("CROSS_JURISDICTION");
            }
            if ("RefundTaxApplied".equals(event.path("eventType").asText())) {
                assertThat(event.path("payload").path("byJurisdiction").size()).isEqualTo(2);
            }
        });
        assertThat(types).containsSubsequence("ReturnInspectionCompleted", "RefundTaxRequested",
                "RefundTaxCalculated", "RefundApproved", "RefundTaxApplied", "CreditMemoPosted");
    }

    private String bookedPeriodOf(String returnId) {
        JsonNode ledger = await().atMost(ProcessDriver.PATIENCE).until(
                () -> api.as("finance").get("/api/v1/finance/returns/" + returnId + "/ledger").getBody(),
                body -> body != null && hasKind(body, "CREDIT_MEMO_TAX"));
        for (JsonNode entry : ledger.path("entries")) {
            if ("TAX_GIVEN_BACK".equals(entry.path("kind").asText())) {
                assertThat(entry.path("jurisdiction").asText()).isIn("FR", "DE");
            }
        }
        return ledger.path("entries").get(0).path("bookedPeriod").asText();
    }

    private static boolean hasKind(JsonNode ledger, String kind) {
        for (JsonNode entry : ledger.path("entries")) {
            if (kind.equals(entry.path("kind").asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode taxOf(JsonNode report, String jurisdiction) {
        if (report == null) {
            return null;
        }
        for (JsonNode tax : report.path("taxByJurisdiction")) {
            if (jurisdiction.equals(tax.path("jurisdiction").asText())) {
                return tax;
            }
        }
        return null;
    }
}
