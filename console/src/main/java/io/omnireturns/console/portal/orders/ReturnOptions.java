package io.omnireturns.console.portal.orders;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.quote.QuoteOption;
import io.omnireturns.api.quote.ReturnQuote;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;

import java.util.Arrays;
import java.util.List;

/**
 * The ways a shopper can get their money back for what they chose, in a fixed order, with the quote's exact amounts
 * when there is a quote. An exchange needs a replacement item for every line. A gift card is shown only where the
 * quote offers it (the gift-card policy's choice): a shopper is not shown an option the policy never gives them.
 */
public final class ReturnOptions {

    /** Why an exchange is not offered when no replacement item was named. */
    static final String NO_REPLACEMENT_CHOSEN = "NO_REPLACEMENT_CHOSEN";

    /** One option; its amounts are null when it was not priced. */
    public record Option(RefundMethod method, boolean available, String unavailableReason, Money refund, Money bonus,
                         Money charge) {
        public boolean priced() {
            return refund != null;
        }
    }

    private ReturnOptions() {
    }

    static List<Option> of(List<RequestedLine> chosen, ReturnQuote quote) {
        boolean replacementsNamed = chosen.stream().allMatch(line -> line.replacementSku() != null);
        return Arrays.stream(RefundMethod.values())
                .filter(method -> method != RefundMethod.GIFT_CARD || offered(quote, method))
                .map(method -> option(method, replacementsNamed, quote))
                .toList();
    }

    private static Option option(RefundMethod method, boolean replacementsNamed, ReturnQuote quote) {
        if (method == RefundMethod.EXCHANGE && !replacementsNamed) {
            return new Option(method, false, NO_REPLACEMENT_CHOSEN, null, null, null);
        }
        if (quote == null) {
            return new Option(method, true, null, null, null, null);
        }
        return quote.option(method).map(ReturnOptions::priced)
                .orElseGet(() -> new Option(method, false, null, null, null, null));
    }

    private static boolean offered(ReturnQuote quote, RefundMethod method) {
        return quote != null && quote.option(method).map(QuoteOption::available).orElse(false);
    }

    private static Option priced(QuoteOption option) {
        return new Option(option.method(), option.available(), option.unavailableReason(), option.refund(),
                option.bonus(), option.charge());
    }
}
