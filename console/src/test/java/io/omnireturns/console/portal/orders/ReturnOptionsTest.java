package io.omnireturns.console.portal.orders;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.quote.QuoteOption;
import io.omnireturns.api.quote.ReturnQuote;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnOptionsTest {

    private static final List<RequestedLine> JEANS = List.of(new RequestedLine("L2", 1, ReturnReason.SIZE_OR_FIT));
    private static final Money VALUE = Money.of(7194, "EUR");
    private static final Money ZERO = Money.zero("EUR");

    @Test
    void a_gift_card_the_quote_offers_is_shown_with_its_amount() {
        List<ReturnOptions.Option> options = ReturnOptions.of(JEANS, quote(true));

        assertThat(options).extracting(ReturnOptions.Option::method).containsExactly(RefundMethod.ORIGINAL_TENDER,
                RefundMethod.STORE_CREDIT, RefundMethod.EXCHANGE, RefundMethod.GIFT_CARD);
        assertThat(options.get(3).available()).isTrue();
        assertThat(options.get(3).refund()).isEqualTo(VALUE);
    }

    @Test
    void a_gift_card_the_policy_does_not_offer_is_not_shown_at_all() {
        assertThat(ReturnOptions.of(JEANS, quote(false))).extracting(ReturnOptions.Option::method)
                .doesNotContain(RefundMethod.GIFT_CARD);
        assertThat(ReturnOptions.of(JEANS, null)).extracting(ReturnOptions.Option::method)
                .doesNotContain(RefundMethod.GIFT_CARD);
    }

    private static ReturnQuote quote(boolean giftCardOffered) {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        QuoteOption giftCard = giftCardOffered
                ? new QuoteOption(RefundMethod.GIFT_CARD, true, null, VALUE, ZERO, ZERO, List.of())
                : new QuoteOption(RefundMethod.GIFT_CARD, false, "GIFT_CARD_NOT_OFFERED", ZERO, ZERO, ZERO, List.of());
        return new ReturnQuote("QUO-1", "ORD-1", "CUST-1", "EUR", now, now.plusSeconds(900), List.of(),
                List.of(new QuoteOption(RefundMethod.ORIGINAL_TENDER, true, null, VALUE, ZERO, ZERO, List.of()),
                        new QuoteOption(RefundMethod.STORE_CREDIT, true, null, VALUE, ZERO, ZERO, List.of()),
                        new QuoteOption(RefundMethod.EXCHANGE, false, "NO_REPLACEMENT_CHOSEN", ZERO, ZERO, ZERO,
                                List.of()),
                        giftCard));
    }
}
