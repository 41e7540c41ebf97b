package io.omnireturns.command.returns.quote;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.quote.QuoteOption;
import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.quote.ReturnQuote;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import io.omnireturns.api.security.AccessScope;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxableKind;
import io.omnireturns.api.tax.TaxableLine;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.tax.SandboxTaxService;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Quotes priced with the tax service where the refund decision would ask it, on the sandbox tax service (FR 20 %,
 * DE 19 %). The zip hoodie of the demo store order (49.95 + 9.99 tax, sold in the French store) taken back in the
 * German store, and exchanged there for the 107.94 jacket (89.95 net at the hoodie's 20 %, 40.00 net dearer, 7.60
 * German tax): 47.60 to pay where the catalogue says 48.00.
 */
@CommandSideIntegrationTest
class QuoteTaxIntegrationTest {

    private static final String GERMAN_STORE = "STORE-DE-01";
    private static final String JACKET = "JKT-RAIN-NVY-M";

    @Autowired
    MockMvc mvc;
    @Autowired
    ReturnQuotes quotes;
    @Autowired
    ReturnQuoteService stored;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    SandboxTaxService taxService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore events;

    @AfterEach
    void taxServiceWorksAgain() {
        taxService.behaviour().setFailureRate(0);
    }

    @Test
    void a_cross_border_exchange_is_quoted_at_the_difference_with_the_tax_of_the_country_of_the_exchange() {
        String orderId = freshStoreOrder();

        ReturnQuote quote = quotes.quote(hoodieInGermany(orderId, JACKET), AccessScope.unscoped());

        QuoteOption exchange = quote.option(RefundMethod.EXCHANGE).orElseThrow();
        assertThat(exchange.available()).isTrue();
        assertThat(exchange.charge()).isEqualTo(eur(4760));
        assertThat(exchange.refund()).isEqualTo(eur(0));
        assertThat(exchange.taxReasons()).containsExactly("CROSS_JURISDICTION", "PRICE_DIFFERENCE");
        // the money options: the French tax given back, as the tax service figures it
        QuoteOption original = quote.option(RefundMethod.ORIGINAL_TENDER).orElseThrow();
        assertThat(original.refund()).isEqualTo(eur(5994));
        assertThat(original.taxReasons()).containsExactly("CROSS_JURISDICTION");
        assertThat(quote.option(RefundMethod.STORE_CREDIT).orElseThrow().refund()).isEqualTo(eur(5994 + 599));

        StoredQuote kept = stored.stored(quote.quoteId()).orElseThrow();
        assertThat(kept.exchangeTax().request().lines()).extracting(TaxableLine::kind)
                .containsExactly(TaxableKind.MERCHANDISE, TaxableKind.PRICE_DIFFERENCE);
        assertThat(kept.exchangeTax().request().lines().get(1).amount()).isEqualTo(eur(4000));
        assertThat(kept.refundTax().request().lines()).extracting(TaxableLine::kind)
                .containsExactly(TaxableKind.MERCHANDISE);
        assertThat(taxService.calculations()).extracting(TaxCalculation::calculationId).contains(
                "TAX-" + quote.quoteId() + ":TAX:REFUND", "TAX-" + quote.quoteId() + ":TAX:EXCHANGE");
    }

    @Test
    void a_return_requested_with_the_quote_records_the_tax_services_figures_of_the_chosen_option_as_its_terms()
            throws Exception {
        String orderId = freshStoreOrder();
        ReturnQuote quote = quotes.quote(hoodieInGermany(orderId, JACKET), AccessScope.unscoped());

        String body = mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "quoted-tax-" + orderId).content("""
                                {"orderId":"%s","channel":"STORE","storeId":"%s","refundMethod":"EXCHANGE",
                                 "quoteId":"%s","lines":[{"orderLineId":"%s-L1","quantity":1,
                                 "reason":"SIZE_OR_FIT","replacementSku":"%s"}]}"""
                                .formatted(orderId, GERMAN_STORE, quote.quoteId(), orderId, JACKET)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String returnId = body.replaceAll(".*\"returnId\":\"([^\"]+)\".*", "$1");

        SettlementTermsAgreed terms = events.readEvents(returnId).asStream()
                .map(message -> message.getPayload()).filter(SettlementTermsAgreed.class::isInstance)
                .map(SettlementTermsAgreed.class::cast).findFirst().orElseThrow();
        StoredQuote kept = stored.stored(quote.quoteId()).orElseThrow();
        assertThat(terms.quotedTaxRequest()).isEqualTo(kept.exchangeTax().request());
        assertThat(terms.quotedTaxCalculation()).isEqualTo(kept.exchangeTax().calculation());
        assertThat(terms.quotedOption().charge()).isEqualTo(eur(4760));
    }

    @Test
    void a_return_where_the_sale_was_made_is_quoted_with_the_proportional_share_and_asks_no_tax_service() {
        String orderId = freshStoreOrder();

        ReturnQuote quote = quotes.quote(new QuoteRequest(orderId, SalesChannel.STORE, DemoOrders.DEMO_STORE,
                List.of(new RequestedLine(orderId + "-L1", 1, ReturnReason.SIZE_OR_FIT, null))), AccessScope.unscoped());

        assertThat(quote.option(RefundMethod.ORIGINAL_TENDER).orElseThrow().refund()).isEqualTo(eur(5994));
        assertThat(quote.options()).allSatisfy(option -> assertThat(option.taxReasons()).isEmpty());
        assertThat(taxService.calculations()).noneMatch(c -> c.calculationId().contains(quote.quoteId()));
        assertThat(stored.stored(quote.quoteId()).orElseThrow().taxFor(RefundMethod.ORIGINAL_TENDER)).isEmpty();
    }

    @Test
    void a_quote_the_tax_service_cannot_price_is_not_given_and_nothing_is_kept() throws Exception {
        String orderId = freshStoreOrder();
        taxService.behaviour().setFailureRate(1.0);

        assertThatThrownBy(() -> quotes.quote(hoodieInGermany(orderId, JACKET), AccessScope.unscoped()))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(refused.code()).isEqualTo("TAX_SERVICE_UNAVAILABLE");
                });
        mvc.perform(post("/api/v1/returns/quotes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"orderId":"%s","channel":"STORE","storeId":"%s","lines":[{"orderLineId":"%s-L1",
                         "quantity":1,"reason":"SIZE_OR_FIT","replacementSku":"%s"}]}"""
                        .formatted(orderId, GERMAN_STORE, orderId, JACKET)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("TAX_SERVICE_UNAVAILABLE"))
                .andExpect(header().exists("Retry-After"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM return_quote WHERE order_id = ?", Integer.class, orderId))
                .isZero();

        // a quote that needs no tax service is given all the same
        ReturnQuote atHome = quotes.quote(new QuoteRequest(orderId, SalesChannel.STORE, DemoOrders.DEMO_STORE,
                List.of(new RequestedLine(orderId + "-L1", 1, ReturnReason.SIZE_OR_FIT, null))), AccessScope.unscoped());
        assertThat(atHome.option(RefundMethod.ORIGINAL_TENDER).orElseThrow().refund()).isEqualTo(eur(5994));
    }

    private String freshStoreOrder() {
        OrderSnapshot demo = orders.findOrder(DemoOrders.STORE_ORDER_ID).orElseThrow();
        String id = "T-" + UUID.randomUUID().toString().substring(0, 8);
        orders.register(DemoOrders.copyUnder(demo, id));
        return id;
    }

    private static QuoteRequest hoodieInGermany(String orderId, String replacementSku) {
        return new QuoteRequest(orderId, SalesChannel.STORE, GERMAN_STORE, List.of(
                new RequestedLine(orderId + "-L1", 1, ReturnReason.SIZE_OR_FIT, replacementSku)));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
