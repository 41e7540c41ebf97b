package io.omnireturns.command.returns.quote;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.quote.QuoteOption;
import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.quote.ReturnQuote;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.security.AccessScope;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.FreshOrders;
import io.omnireturns.command.WebReturnRequests;
import io.omnireturns.command.connectors.orders.DemoCatalogue;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CommandSideIntegrationTest
class ReturnQuoteIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ReturnQuotes quotes;
    @Autowired
    SandboxOrderSystem orders;

    @Test
    void a_quote_prices_every_option_of_a_jacket_exchanged_for_a_dearer_one() {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);

        ReturnQuote quote = quotes.quote(new QuoteRequest(orderId, SalesChannel.WEB, null, List.of(
                new RequestedLine(orderId + "-L1", 1, ReturnReason.SIZE_OR_FIT, DemoCatalogue.DEARER_JACKET_SKU))),
                AccessScope.unscoped());

        assertThat(quote.lines()).singleElement().satisfies(line -> assertThat(line.returnableQuantity()).isEqualTo(1));
        // one jacket: 89.95 + 17.99 tax
        QuoteOption original = quote.option(RefundMethod.ORIGINAL_TENDER).orElseThrow();
        assertThat(original.refund()).isEqualTo(eur(10794));
        assertThat(original.tenders()).singleElement()
                .satisfies(tender -> assertThat(tender.tenderId()).isEqualTo(orderId + "-T1"));
        // 10 % store-credit bonus, rounded down: 10.79
        QuoteOption credit = quote.option(RefundMethod.STORE_CREDIT).orElseThrow();
        assertThat(credit.bonus()).isEqualTo(eur(1079));
        assertThat(credit.refund()).isEqualTo(eur(11873));
        // no exchange bonus by default: a 149.94 jacket for a 107.94 one, 42.00 to pay
        QuoteOption exchange = quote.option(RefundMethod.EXCHANGE).orElseThrow();
        assertThat(exchange.available()).isTrue();
        assertThat(exchange.bonus()).isEqualTo(eur(0));
        assertThat(exchange.charge()).isEqualTo(eur(4200));
        assertThat(exchange.refund()).isEqualTo(eur(0));
        assertThat(quotes.find(quote.quoteId())).contains(quote);
    }

    @Test
    void a_cheaper_replacement_gives_the_difference_back_over_the_tenders() {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);

        ReturnQuote quote = quotes.quote(new QuoteRequest(orderId, SalesChannel.WEB, null, List.of(
                new RequestedLine(orderId + "-L2", 1, ReturnReason.SIZE_OR_FIT, DemoCatalogue.CHEAPER_JEANS_SKU))),
                AccessScope.unscoped());

        // jeans 71.94 - 47.94 = 24.00 back to the card
        QuoteOption exchange = quote.option(RefundMethod.EXCHANGE).orElseThrow();
        assertThat(exchange.refund()).isEqualTo(eur(2400));
        assertThat(exchange.charge()).isEqualTo(eur(0));
        assertThat(exchange.tenders()).singleElement().satisfies(tender -> assertThat(tender.amount()).isEqualTo(eur(2400)));
    }

    @Test
    void units_other_returns_of_the_order_hold_are_not_quoted_as_returnable() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        WebReturnRequests.requestOneJacket(mvc, orderId);
        WebReturnRequests.requestOneJacket(mvc, orderId);

        ReturnQuote quote = quotes.quote(new QuoteRequest(orderId, SalesChannel.WEB, null, List.of(
                new RequestedLine(orderId + "-L1", 1, ReturnReason.SIZE_OR_FIT, null))), AccessScope.unscoped());

        assertThat(quote.lines()).singleElement().satisfies(line -> {
            assertThat(line.returnableQuantity()).isZero();
            assertThat(line.notReturnableReasons()).containsExactly("QUANTITY_EXCEEDS_REMAINING");
        });
        assertThat(quote.options()).allSatisfy(option -> {
            assertThat(option.available()).isFalse();
            assertThat(option.unavailableReason()).isEqualTo("NOTHING_RETURNABLE");
        });
    }

    @Test
    void a_customer_quotes_only_their_own_orders() {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders); // CUST-100's

        assertThatThrownBy(() -> quotes.quote(new QuoteRequest(orderId, SalesChannel.WEB, null, List.of(
                new RequestedLine(orderId + "-L1", 1, ReturnReason.SIZE_OR_FIT, null))), AccessScope.customer("CUST-200")))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CUSTOMER_NOT_IN_SCOPE"));
    }

    @Test
    void a_final_sale_line_is_quoted_with_why_not() {
        ReturnQuote quote = quotes.quote(new QuoteRequest("ORD-1003", SalesChannel.WEB, null, List.of(
                new RequestedLine("ORD-1003-L1", 1, ReturnReason.CHANGED_MIND, null))), AccessScope.unscoped());

        assertThat(quote.lines()).singleElement()
                .satisfies(line -> assertThat(line.notReturnableReasons()).contains("FINAL_SALE"));
    }

    @Test
    void the_rest_api_answers_201_with_the_quote_and_finds_it_again() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        String location = mvc.perform(post("/api/v1/returns/quotes").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"orderId": "%1$s", "channel": "WEB", "lines": [
                                  {"orderLineId": "%1$s-L3", "quantity": 2, "reason": "SIZE_OR_FIT"}]}""".formatted(orderId)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.options[0].method").value("ORIGINAL_TENDER"))
                .andExpect(jsonPath("$.options[0].refund.minor").value(4788))
                .andExpect(jsonPath("$.options[2].unavailableReason").value("NO_REPLACEMENT_CHOSEN"))
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(get(location)).andExpect(status().isOk()).andExpect(jsonPath("$.orderId").value(orderId));
        mvc.perform(get("/api/v1/returns/quotes/QUO-999999999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("QUOTE_NOT_FOUND"));
    }

    @Test
    void a_dearer_exchange_is_not_offered_on_an_order_paid_without_a_card() {
        // ORD-1003 was paid by PayPal; its sweater (83.94 paid) for a larger one at 95.94 would cost 12.00 more
        ReturnQuote quote = quotes.quote(new QuoteRequest("ORD-1003", SalesChannel.WEB, null, List.of(
                new RequestedLine("ORD-1003-L2", 1, ReturnReason.SIZE_OR_FIT, "SWT-MER-GRY-L"))), AccessScope.unscoped());

        assertThat(quote.option(RefundMethod.EXCHANGE)).get()
                .satisfies(option -> assertThat(option.unavailableReason()).isEqualTo("NO_CARD_TO_CHARGE"));
    }

    @Test
    void a_return_asking_for_more_than_its_quote_priced_is_refused_and_nothing_is_recorded() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        String quoteId = quotes.quote(new QuoteRequest(orderId, SalesChannel.WEB, null, List.of(
                new RequestedLine(orderId + "-L3", 1, ReturnReason.SIZE_OR_FIT, null))), AccessScope.unscoped()).quoteId();

        mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "q-" + orderId)
                        .content("""
                                {"orderId": "%1$s", "channel": "WEB", "quoteId": "%2$s", "lines": [
                                  {"orderLineId": "%1$s-L3", "quantity": 2, "reason": "SIZE_OR_FIT"}]}""".formatted(orderId, quoteId)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("QUOTE_DOES_NOT_COVER_LINES"));
        // the key is free again, and the order still has every t-shirt to return
        mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "q-" + orderId)
                        .content("""
                                {"orderId": "%1$s", "channel": "WEB", "quoteId": "%2$s", "lines": [
                                  {"orderLineId": "%1$s-L3", "quantity": 1, "reason": "SIZE_OR_FIT"}]}""".formatted(orderId, quoteId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AUTHORIZED"));
    }

    @Test
    void a_return_choosing_an_option_its_quote_does_not_offer_is_refused() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        String quoteId = quotes.quote(new QuoteRequest(orderId, SalesChannel.WEB, null, List.of(
                new RequestedLine(orderId + "-L1", 1, ReturnReason.SIZE_OR_FIT, "SKU-NOT-SOLD"))),
                AccessScope.unscoped()).quoteId();

        mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "o-" + orderId)
                        .content("""
                                {"orderId": "%1$s", "channel": "WEB", "refundMethod": "EXCHANGE", "quoteId": "%2$s",
                                 "lines": [{"orderLineId": "%1$s-L1", "quantity": 1, "reason": "SIZE_OR_FIT",
                                            "replacementSku": "SKU-NOT-SOLD"}]}""".formatted(orderId, quoteId)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("QUOTE_OPTION_UNAVAILABLE"));
        mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "u-" + orderId)
                        .content("""
                                {"orderId": "%1$s", "channel": "WEB", "quoteId": "QUO-999999999", "lines": [
                                  {"orderLineId": "%1$s-L1", "quantity": 1, "reason": "SIZE_OR_FIT"}]}""".formatted(orderId)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("QUOTE_NOT_FOUND"));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
