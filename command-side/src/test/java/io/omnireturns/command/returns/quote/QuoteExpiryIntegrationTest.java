package io.omnireturns.command.returns.quote;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.quote.ReturnQuote;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.security.AccessScope;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.FreshOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.policy.config.SettlementPolicyProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A quote is honoured until its {@code validUntil} and not after: the service's one clock is moved on past the quote's
 * validity ({@code omnireturns.policy.settlement.quote-validity}), and a return naming the quote is then refused with
 * {@code QUOTE_EXPIRED}, recording nothing and leaving its Idempotency-Key free. (Its own context: the clock is the
 * whole service's.)
 */
@CommandSideIntegrationTest
@Import(QuoteExpiryIntegrationTest.MovableClockConfiguration.class)
class QuoteExpiryIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ReturnQuotes quotes;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    SettlementPolicyProperties settlement;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void a_quote_is_honoured_up_to_its_last_moment() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        ReturnQuote quote = quoteOneTShirt(orderId);

        clock.moveTo(quote.validUntil().minusMillis(1));

        request(orderId, quote.quoteId(), "expiry-in-time-" + orderId).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AUTHORIZED"));
    }

    @Test
    void a_return_naming_a_quote_past_its_validity_is_refused_and_nothing_is_recorded() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        ReturnQuote quote = quoteOneTShirt(orderId);
        assertThat(quote.validUntil()).isEqualTo(quote.quotedAt().plus(settlement.quoteValidity()));
        String key = "expiry-" + orderId;

        clock.moveTo(quote.validUntil());

        request(orderId, quote.quoteId(), key).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("QUOTE_EXPIRED"));
        assertThat(returnsOf(orderId)).as("no return was recorded").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM return_request_idempotency WHERE idempotency_key = ?",
                Integer.class, key)).as("the key was released").isZero();
        assertThat(quotes.find(quote.quoteId())).as("no longer a quote to offer").isEmpty();

        // a new quote, asked for now, and the same key: the return is requested on it
        ReturnQuote fresh = quoteOneTShirt(orderId);
        request(orderId, fresh.quoteId(), key).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AUTHORIZED"));
        assertThat(returnsOf(orderId)).isEqualTo(1);
    }

    private ReturnQuote quoteOneTShirt(String orderId) {
        return quotes.quote(new QuoteRequest(orderId, SalesChannel.WEB, null, List.of(
                new RequestedLine(orderId + "-L3", 1, ReturnReason.SIZE_OR_FIT, null))), AccessScope.unscoped());
    }

    private ResultActions request(String orderId, String quoteId, String key) throws Exception {
        return mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key)
                .content("""
                        {"orderId": "%1$s", "channel": "WEB", "quoteId": "%2$s", "lines": [
                          {"orderLineId": "%1$s-L3", "quantity": 1, "reason": "SIZE_OR_FIT"}]}"""
                        .formatted(orderId, quoteId)));
    }

    private int returnsOf(String orderId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE sequencenumber = 0 AND type = 'ReturnAggregate'
                  AND convert_from(payload, 'UTF8') LIKE ?""", Integer.class, "%\"orderId\":\"" + orderId + "\"%");
    }

    /** The system clock, or a moment the test moved it to. */
    static final class MovableClock extends Clock {

        private volatile Instant movedTo;

        void moveTo(Instant instant) {
            movedTo = instant;
        }

        void reset() {
            movedTo = null;
        }

        @Override
        public Instant instant() {
            Instant moved = movedTo;
            return moved == null ? Instant.now() : moved;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClockConfiguration {

        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }
}
