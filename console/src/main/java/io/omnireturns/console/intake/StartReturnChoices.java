package io.omnireturns.console.intake;

import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;

import java.util.Arrays;
import java.util.List;

/** The choices of the return form, each with the words the person on the phone reads (and its value). */
final class StartReturnChoices {

    /** A choice: the value sent and its label. */
    record Choice(String value, String label) {
    }

    /** The reasons in two groups: the retailer's fault (its label says so), then the customer's own reasons. */
    static final List<Choice> REASONS = Arrays.stream(ReturnReason.values())
            .sorted((a, b) -> Boolean.compare(b.isRetailerFault(), a.isRetailerFault()))
            .map(reason -> new Choice(reason.name(), reasonLabel(reason)))
            .toList();

    static final List<Choice> REFUND_METHODS = List.of(
            new Choice(RefundMethod.ORIGINAL_TENDER.name(), "Refund to how they paid"),
            new Choice(RefundMethod.STORE_CREDIT.name(), "Store credit"),
            new Choice(RefundMethod.EXCHANGE.name(), "Exchange (name each line's replacement SKU)"));

    private StartReturnChoices() {
    }

    /** {@code WRONG_ITEM_SENT} as "Wrong item sent (our fault)". */
    static String reasonLabel(ReturnReason reason) {
        String words = reason.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        String label = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return reason.isRetailerFault() ? label + " (our fault)" : label;
    }
}
