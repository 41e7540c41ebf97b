package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.crm.SandboxCrm;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.CreditRecipient;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.omnireturns.app.Answers.entry;
import static io.omnireturns.app.Answers.kinds;
import static io.omnireturns.app.Answers.option;
import static io.omnireturns.app.ProcessDriver.line;
import static io.omnireturns.app.TestOrders.eur;
import static io.omnireturns.app.TestOrders.registeredCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gift return refunded as a gift card, end to end on embedded PostgreSQL with the sandbox connectors: the gateway
 * issues one card to the recipient (nothing goes back to the buyer's payment), the recipient's refund notice carries
 * its masked code, the finance ledger books the refund on the new gift card and the reconciliation finds nothing
 * amiss. Another return asking for a gift card is refused, as the default policy offers it to gift returns only.
 */
@AppIntegrationTest
@TestPropertySource(properties = {
        "omnireturns.process.step-retry-backoff=100ms",
        "omnireturns.process.step-retry-max-backoff=400ms"})
class GiftCardFlowTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Clock clock;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    SandboxPaymentGateway payments;
    @Autowired
    SandboxCrm crm;

    ApiClient api;
    ProcessDriver driver;

    @BeforeEach
    void driver() {
        api = new ApiClient(rest);
        driver = new ProcessDriver(api);
    }

    @Test
    void a_gift_return_refunded_as_a_gift_card_issues_one_card_to_the_recipient_and_finance_balances() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.webApparelOrder(clock.instant()));
        String jeans = TestOrders.line(order, 2);
        Map<String, Object> request = Map.of("orderId", order.orderId(), "channel", "WEB", "giftReturn", true,
                "refundMethod", "GIFT_CARD", "giftRecipient", Map.of("name", "Ada Lovelace", "email", "ada@example.com"),
                "lines", List.of(line(jeans, 1, "SIZE_OR_FIT")));
        ResponseEntity<JsonNode> answer = api.requestReturn("gift-card-" + order.orderId(), request);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        String returnId = answer.getBody().path("returnId").asText();
        driver.receiveAndInspectWhenLabelled(returnId, order.fulfilmentLocationId(), Map.of(jeans, 1));

        JsonNode view = driver.awaitStatus(returnId, "COMPLETED");
        Money total = eur(5995 + 1199);
        assertThat(view.path("refund").path("tenderSplit").findValuesAsText("type")).containsExactly("GIFT_CARD");
        List<SandboxPaymentGateway.GiftCard> cards = payments.giftCards().stream()
                .filter(card -> card.returnId().equals(returnId)).toList();
        assertThat(cards).singleElement().satisfies(card -> {
            assertThat(card.amount()).isEqualTo(total);
            assertThat(card.recipient()).isEqualTo(
                    CreditRecipient.giftRecipient("Ada Lovelace", "ada@example.com"));
        });
        assertThat(payments.refunds()).noneMatch(refund -> refund.returnId().equals(returnId));

        List<SandboxCrm.Notification> notices = crm.notifications().stream()
                .filter(notice -> notice.returnId().equals(returnId)).toList();
        assertThat(notices).isNotEmpty().allSatisfy(notice -> {
            assertThat(notice.giftRecipientEmail()).isEqualTo("ada@example.com");
            assertThat(notice.buyerNotified()).isFalse();
        });
        assertThat(notices).filteredOn(notice -> notice.milestone().equals("REFUNDED")).singleElement()
                .satisfies(notice -> assertThat(notice.giftCardCode()).isEqualTo(cards.get(0).maskedCode()));

        JsonNode ledger = await().atMost(ProcessDriver.PATIENCE).until(
                () -> api.as("finance").get("/api/v1/finance/returns/" + returnId + "/ledger").getBody(),
                body -> body != null && kinds(body).containsAll(List.of("REFUND", "REFUND_SETTLED", "CREDIT_MEMO")));
        JsonNode refund = entry(ledger, "REFUND");
        assertThat(refund.path("tenderType").asText()).isEqualTo("GIFT_CARD");
        assertThat(refund.path("tenderId").asText()).isEqualTo("GIFT_CARD");
        assertThat(refund.path("amount").path("minor").asLong()).isEqualTo(total.minor());
        assertThat(entry(ledger, "CREDIT_MEMO").path("amount").path("minor").asLong()).isEqualTo(total.minor());
        assertThat(discrepanciesOf(ledger.path("entries").get(0).path("bookedPeriod").asText()))
                .doesNotContain(returnId);
    }

    @Test
    void an_ordinary_return_asking_for_a_gift_card_is_refused_by_the_default_policy_and_nothing_is_created() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.webApparelOrder(clock.instant()));
        String key = "not-offered-" + order.orderId();

        ResponseEntity<JsonNode> refused = api.requestReturn(key, Map.of("orderId", order.orderId(),
                "channel", "WEB", "refundMethod", "GIFT_CARD",
                "lines", List.of(line(TestOrders.line(order, 2), 1, "SIZE_OR_FIT"))));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().path("code").asText()).as(String.valueOf(refused.getBody()))
                .isEqualTo("GIFT_CARD_NOT_OFFERED");
        ResponseEntity<JsonNode> corrected = api.requestReturn(key, Map.of("orderId", order.orderId(),
                "channel", "WEB", "refundMethod", "STORE_CREDIT",
                "lines", List.of(line(TestOrders.line(order, 2), 1, "SIZE_OR_FIT"))));
        assertThat(corrected.getStatusCode().value()).as(String.valueOf(corrected.getBody())).isEqualTo(201);
    }

    @Test
    void a_gift_quote_offers_store_credit_and_a_gift_card_and_nothing_on_the_buyers_payment() {
        OrderSnapshot order = registeredCopy(orders, DemoOrders.webApparelOrder(clock.instant()));

        ResponseEntity<JsonNode> quote = api.post("/api/v1/returns/quotes", Map.of("orderId", order.orderId(),
                "channel", "WEB", "giftReturn", true,
                "lines", List.of(Map.of("orderLineId", TestOrders.line(order, 2), "quantity", 1,
                        "reason", "SIZE_OR_FIT"))));

        assertThat(quote.getStatusCode().value()).as(String.valueOf(quote.getBody())).isEqualTo(201);
        Map<String, Boolean> available = new java.util.LinkedHashMap<>();
        quote.getBody().path("options").forEach(option -> available.put(option.path("method").asText(),
                option.path("available").asBoolean()));
        assertThat(available).containsExactly(Map.entry("ORIGINAL_TENDER", false), Map.entry("STORE_CREDIT", true),
                Map.entry("EXCHANGE", false), Map.entry("GIFT_CARD", true));
        assertThat(option(quote.getBody(), "GIFT_CARD").path("refund").path("minor").asLong()).isEqualTo(5995 + 1199);
        assertThat(option(quote.getBody(), "ORIGINAL_TENDER").path("unavailableReason").asText())
                .isEqualTo("GIFT_RETURN_NEEDS_STORE_CREDIT");
    }

    private List<String> discrepanciesOf(String period) {
        List<String> returnIds = new ArrayList<>();
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            JsonNode report = api.as("finance").get("/api/v1/finance/periods/" + period
                    + "/reconciliation?size=100&page=" + page).getBody();
            pages = report.path("discrepancies").path("totalPages").asInt();
            report.path("discrepancies").path("content")
                    .forEach(found -> returnIds.add(found.path("returnId").asText()));
        }
        return returnIds;
    }
}
