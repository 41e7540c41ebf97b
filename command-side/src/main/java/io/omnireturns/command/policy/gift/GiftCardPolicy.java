package io.omnireturns.command.policy.gift;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.platform.architecture.PlainJava;

/**
 * Which returns may be refunded as a new gift card, and which refund methods a gift return may have. A gift
 * return is never refunded to the buyer's payment: store credit, or a gift card when {@code giftReturns} allows it
 * (the default). Any other return may ask for a gift card only when {@code otherReturns} allows it (by default not:
 * the customer has their own payment to be refunded to).
 *
 * @param giftReturns  a gift return's recipient may choose a gift card instead of store credit
 * @param otherReturns any other return may choose a gift card
 */
@PlainJava
public record GiftCardPolicy(boolean giftReturns, boolean otherReturns) {

    public static final String GIFT_CARD_NOT_OFFERED = "GIFT_CARD_NOT_OFFERED";
    public static final String GIFT_RETURN_NEEDS_STORE_CREDIT = "GIFT_RETURN_NEEDS_STORE_CREDIT";

    public static GiftCardPolicy defaults() {
        return new GiftCardPolicy(true, false);
    }

    /** Whether a gift card is offered for a return that is ({@code giftReturn}) or is not a gift return. */
    public boolean offered(boolean giftReturn) {
        return giftReturn ? giftReturns : otherReturns;
    }

    /** The method a request names, or its default: store credit for a gift return, else the original payment. */
    public static RefundMethod methodOrDefault(RefundMethod requested, boolean giftReturn) {
        if (requested != null) {
            return requested;
        }
        return giftReturn ? RefundMethod.STORE_CREDIT : RefundMethod.ORIGINAL_TENDER;
    }

    /** Refuses a refund method the return may not have; the codes are stable (see the error catalogue). */
    public void check(RefundMethod method, boolean giftReturn) {
        if (giftReturn && method != RefundMethod.STORE_CREDIT && method != RefundMethod.GIFT_CARD) {
            throw new DomainException(ErrorKind.RULE_VIOLATION, GIFT_RETURN_NEEDS_STORE_CREDIT,
                    "a gift return is refunded in store credit" + (giftReturns ? " or a gift card" : "") + ", not "
                            + method + ": the recipient gets nothing back on the buyer's payment");
        }
        if (method == RefundMethod.GIFT_CARD && !offered(giftReturn)) {
            throw new DomainException(ErrorKind.RULE_VIOLATION, GIFT_CARD_NOT_OFFERED, giftReturn
                    ? "the policy refunds gift returns in store credit only"
                    : "the policy offers a gift card for gift returns only");
        }
    }
}
