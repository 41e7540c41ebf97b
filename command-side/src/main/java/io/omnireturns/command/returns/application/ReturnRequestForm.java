package io.omnireturns.command.returns.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.command.policy.gift.GiftCardPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code POST /api/v1/returns}. It names only what a channel may say: no id, status or amount,
 * which the service decides. {@code quoteId}: the quote the shopper was shown ({@code POST /api/v1/returns/quotes}),
 * which the decision honours. A gift return ({@code giftReturn: true}) names its recipient, is refunded in store
 * credit (the default for it) or a gift card ({@link GiftCardPolicy}; {@code ORIGINAL_TENDER} or {@code EXCHANGE} is
 * refused) and keeps the buyer out of it.
 */
public record ReturnRequestForm(
        @NotBlank @Size(max = 64) String orderId,
        @NotNull SalesChannel channel,
        @Size(max = 64) String storeId,
        @Size(max = 64) String customerId,
        RefundMethod refundMethod,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines,
        // these three are left out of the request's hash when absent, so keys stored before they existed still match
        @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 64) String quoteId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean giftReturn,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Valid GiftRecipient giftRecipient) {

    public static final String GIFT_RECIPIENT_REQUIRED = "GIFT_RECIPIENT_REQUIRED";
    public static final String GIFT_RETURN_NEEDS_STORE_CREDIT = GiftCardPolicy.GIFT_RETURN_NEEDS_STORE_CREDIT;

    /** Without a quote, not a gift return. */
    public ReturnRequestForm(String orderId, SalesChannel channel, String storeId, String customerId,
                             RefundMethod refundMethod, List<Line> lines) {
        this(orderId, channel, storeId, customerId, refundMethod, lines, null, null, null);
    }

    /** With a quote (or none), not a gift return. */
    public ReturnRequestForm(String orderId, SalesChannel channel, String storeId, String customerId,
                             RefundMethod refundMethod, List<Line> lines, String quoteId) {
        this(orderId, channel, storeId, customerId, refundMethod, lines, quoteId, null, null);
    }

    /** A gift return (or not), without a quote. */
    public ReturnRequestForm(String orderId, SalesChannel channel, String storeId, String customerId,
                             RefundMethod refundMethod, List<Line> lines, Boolean giftReturn,
                             GiftRecipient giftRecipient) {
        this(orderId, channel, storeId, customerId, refundMethod, lines, null, giftReturn, giftRecipient);
    }

    public record Line(
            @NotBlank @Size(max = 64) String orderLineId,
            @NotNull @Positive @Max(10_000) Integer quantity, // boxed: an explicit null is refused, not read as 0
            @NotNull ReturnReason reason,
            @Size(max = 64) String replacementSku) {
    }

    /** Who received the gift and returns it: the notices go to this address. */
    public record GiftRecipient(@Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email) {
    }

    public boolean isGiftReturn() {
        return Boolean.TRUE.equals(giftReturn);
    }

    public RefundMethod refundMethodOrDefault() {
        return GiftCardPolicy.methodOrDefault(refundMethod, isGiftReturn());
    }

    /**
     * A gift return names its recipient and is refunded in store credit or a gift card, never to the buyer's
     * tenders; a gift card is asked for only where the policy offers it.
     */
    void checkGiftReturn(GiftCardPolicy giftCards) {
        if (isGiftReturn() && giftRecipient == null) {
            throw new DomainException(ErrorKind.INVALID_INPUT, GIFT_RECIPIENT_REQUIRED,
                    "a gift return names the recipient (giftRecipient.email)");
        }
        giftCards.check(refundMethodOrDefault(), isGiftReturn());
    }
}
