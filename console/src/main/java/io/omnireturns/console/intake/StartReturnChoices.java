package io.omnireturns.console.intake;

import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;

import java.util.Arrays;
import java.util.List;

/** The choices of the return form, each with the words the person at the console reads (and its value). */
final class StartReturnChoices {

    /** A choice: the value sent and its label. */
    record Choice(String value, String label) {
    }

    /** The reasons that are the retailer's fault ({@link ReturnReason#isRetailerFault()}), shown as one group. */
    static final List<Choice> OUR_FAULT_REASONS = reasons(true);
    /** The customer's own reasons, the other group. */
    static final List<Choice> CUSTOMER_REASONS = reasons(false);

    static final List<Choice> REFUND_METHODS = List.of(
            new Choice(RefundMethod.ORIGINAL_TENDER.name(), "Refund to how they paid"),
            new Choice(RefundMethod.STORE_CREDIT.name(), "Store credit"),
            new Choice(RefundMethod.EXCHANGE.name(), "Exchange (name each line's replacement SKU)"));

    private StartReturnChoices() {
    }

    private static List<Choice> reasons(boolean retailerFault) {
        return Arrays.stream(ReturnReason.values()).filter(reason -> reason.isRetailerFault() == retailerFault)
                .map(reason -> new Choice(reason.name(), label(reason))).toList();
    }

    /** {@code WRONG_ITEM_SENT} as "Wrong item sent". */
    static String label(ReturnReason reason) {
        String words = reason.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
