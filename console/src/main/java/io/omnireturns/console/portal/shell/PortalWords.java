package io.omnireturns.console.portal.shell;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The portal's words: what the service's codes (eligibility reasons, statuses, return reasons, refund methods) mean
 * to a shopper, and amounts as a shopper reads them. Templates call it as {@code @portalWords}.
 */
@Component("portalWords")
public class PortalWords {

    /** A return reason as a shopper picks it. */
    public record Choice(String value, String label) {
    }

    private static final Map<String, String> WHY_NOT = Map.ofEntries(
            Map.entry("FINAL_SALE", "This was a final-sale item: it can only come back if it is faulty, arrived "
                    + "damaged or is not what you ordered."),
            Map.entry("RETURN_WINDOW_EXPIRED", "The time to return this item has passed."),
            Map.entry("QUANTITY_EXCEEDS_REMAINING", "You have already sent all of these back."),
            Map.entry("QUANTITY_EXCEEDS_PURCHASED", "You cannot send back more than you bought."),
            Map.entry("CHANNEL_NOT_ALLOWED", "This item cannot be returned online: please take it back to the shop."),
            Map.entry("ORDER_LINE_NOT_FOUND", "We could not find this item in your order."),
            Map.entry("DUPLICATE_LINE", "This item was chosen twice: choose it once."),
            Map.entry("INVALID_QUANTITY", "Choose how many you are sending back."),
            Map.entry("NOTHING_RETURNABLE", "None of these items can come back."),
            Map.entry("NO_REPLACEMENT_CHOSEN", "To exchange, go back and give the item code of the size or colour "
                    + "you want."),
            Map.entry("REPLACEMENT_SKU_REQUIRED", "To exchange, go back and give the item code of the size or colour "
                    + "you want for every item."),
            Map.entry("REPLACEMENT_NOT_IN_CATALOGUE", "We do not sell an item with that code: go back and check it."),
            Map.entry("REPLACEMENT_CURRENCY_MISMATCH", "That item is sold in another currency, so it cannot be an "
                    + "exchange for this order."),
            Map.entry("REPLACEMENT_PRICE_UNAVAILABLE", "We cannot price that item just now: try again later."));

    private static final Map<ReturnStatus, String> STATUS = Map.ofEntries(
            Map.entry(ReturnStatus.REQUESTED, "We have your return and are checking it."),
            Map.entry(ReturnStatus.AUTHORIZED, "Your return is approved. Pack the items and drop the parcel off with "
                    + "your label or QR code."),
            Map.entry(ReturnStatus.REJECTED, "We could not accept this return."),
            Map.entry(ReturnStatus.IN_TRANSIT, "Your parcel is on its way to us."),
            Map.entry(ReturnStatus.RECEIVED, "Your parcel has arrived. We are checking the items."),
            Map.entry(ReturnStatus.INSPECTED, "We have checked your items and are sorting out your money."),
            Map.entry(ReturnStatus.REFUND_PENDING, "Your money is on its way."),
            Map.entry(ReturnStatus.REFUNDED, "Your money has been paid back. It can take a few days to show."),
            Map.entry(ReturnStatus.COMPLETED, "All done: your return is complete."),
            Map.entry(ReturnStatus.ON_HOLD, "Our team is taking a closer look at your return. We will be in touch."),
            Map.entry(ReturnStatus.CANCELLED, "This return was cancelled."),
            Map.entry(ReturnStatus.EXPIRED, "We did not receive the parcel in time, so this return has closed."));

    /** The steps a return goes through, as the tracking page shows them. */
    private static final List<ReturnStatus> STEPS = List.of(ReturnStatus.REQUESTED, ReturnStatus.AUTHORIZED,
            ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED, ReturnStatus.INSPECTED, ReturnStatus.REFUNDED,
            ReturnStatus.COMPLETED);

    private static final Map<ReturnStatus, String> STEP_NAMES = Map.of(
            ReturnStatus.REQUESTED, "Requested", ReturnStatus.AUTHORIZED, "Approved",
            ReturnStatus.IN_TRANSIT, "On its way", ReturnStatus.RECEIVED, "Arrived",
            ReturnStatus.INSPECTED, "Checked", ReturnStatus.REFUNDED, "Paid back", ReturnStatus.COMPLETED, "Done");

    private static final Map<ReturnReason, String> REASONS = Map.of(
            ReturnReason.DEFECTIVE, "It is faulty",
            ReturnReason.WRONG_ITEM_SENT, "I received the wrong item",
            ReturnReason.DAMAGED_IN_TRANSIT, "It arrived damaged",
            ReturnReason.NOT_AS_DESCRIBED, "It is not as described",
            ReturnReason.SIZE_OR_FIT, "It does not fit",
            ReturnReason.CHANGED_MIND, "I changed my mind",
            ReturnReason.ARRIVED_LATE, "It arrived too late",
            ReturnReason.OTHER, "Something else");

    private static final Map<RefundMethod, String> METHODS = Map.of(
            RefundMethod.ORIGINAL_TENDER, "Money back to how you paid",
            RefundMethod.STORE_CREDIT, "Store credit",
            RefundMethod.EXCHANGE, "Exchange for another size or colour",
            RefundMethod.GIFT_CARD, "A gift card");

    /** Why an item cannot come back, in a sentence. */
    public String whyNot(String reasonCode) {
        return WHY_NOT.getOrDefault(reasonCode, "This item cannot be returned.");
    }

    /** Why a way of getting the money back is not offered, in a sentence. */
    public String optionWhyNot(String reasonCode) {
        return reasonCode != null && WHY_NOT.containsKey(reasonCode) ? WHY_NOT.get(reasonCode)
                : "Not available for these items.";
    }

    public String status(ReturnStatus status) {
        return STATUS.get(status);
    }

    public String reason(ReturnReason reason) {
        return reason == null ? "" : REASONS.get(reason);
    }

    public String method(RefundMethod method) {
        return METHODS.get(method);
    }

    /** Every return reason, the shop's faults first (a final-sale item may come back only for those). */
    public List<Choice> reasons() {
        return Arrays.stream(ReturnReason.values()).map(reason -> new Choice(reason.name(), REASONS.get(reason)))
                .toList();
    }

    /** The tracking steps: name, and whether the return has reached it ("done"), is at it ("now") or not yet. */
    public List<Step> steps(ReturnStatus status) {
        int at = STEPS.indexOf(status == ReturnStatus.REFUND_PENDING ? ReturnStatus.INSPECTED : status);
        return STEPS.stream().map(step -> {
            int index = STEPS.indexOf(step);
            String state = at < 0 ? "later" : index < at ? "done" : index == at ? "now" : "later";
            return new Step(STEP_NAMES.get(step), state);
        }).toList();
    }

    /** One step of the tracking bar. */
    public record Step(String name, String state) {
    }

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy", Locale.UK).withZone(java.time.ZoneOffset.UTC);

    /** A day as a shopper reads it: "3 December 2026". */
    public String date(java.time.Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** {@code 8995 EUR} as "€89.95", exact (never through a double). */
    public String money(Money amount) {
        if (amount == null) {
            return "";
        }
        Currency currency = Currency.getInstance(amount.currency());
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        format.setMaximumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        return format.format(BigDecimal.valueOf(amount.minor(), Math.max(currency.getDefaultFractionDigits(), 0)));
    }
}
