package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.KeepLines;
import io.omnireturns.api.returns.command.MarkGiftReturn;
import io.omnireturns.api.returns.command.RecordGiftCardIssued;
import io.omnireturns.api.returns.command.RecordRefundIssued;
import io.omnireturns.api.returns.command.RecordTrustAssessment;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.GiftCardIssued;
import io.omnireturns.api.returns.event.GiftReturnRecorded;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnLinesKept;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnLifecycle.requireStatus;

/**
 * The shopper's options a return takes on at request time, apart from its state: lines the customer keeps ("keep
 * it"), a gift return, the gift card a refund is paid as, and the customer's trust tier. Each decision answers the events to apply (none when already decided) or refuses with a
 * stable code; none changes anything.
 * <p>
 * A kept line needs no parcel, receipt or inspection: it counts as accepted at the best grade, disposition
 * {@code SCRAP} (written off). When every authorized line is kept, nothing is left to inspect and the inspection is
 * complete at once, so the refund follows the usual path without a parcel. When some lines still ship back, the
 * kept ones wait for them: the return keeps one refund, decided when the last shipped line is inspected, and the
 * kept lines are not expected in the parcel.
 */
final class ReturnOptions {

    private ReturnOptions() {
    }

    static List<Object> keep(KeepLines command, ReturnState state) {
        if (state.lines.values().stream().anyMatch(line -> line.keptQuantity > 0)) {
            return List.of(); // decided once, at request time
        }
        requireStatus(state, "keep lines of", ReturnStatus.AUTHORIZED);
        List<KeptLine> kept = command.lines() == null ? List.of() : command.lines();
        if (kept.isEmpty()) {
            throw invalid(KEPT_LINES_DO_NOT_MATCH, "a keep-it decision names at least one line");
        }
        Set<String> seen = new HashSet<>();
        for (KeptLine line : kept) {
            ReturnLine known = state.lines.get(line.orderLineId());
            if (known == null || !known.isAuthorized() || known.receivedQuantity > 0 || !seen.add(line.orderLineId())
                    || line.quantity() != known.authorizedQuantity) {
                throw invalid(KEPT_LINES_DO_NOT_MATCH, "line " + line.orderLineId()
                        + " can be kept only once, authorized, unreceived and for its whole authorized quantity");
            }
        }
        List<Object> events = new ArrayList<>();
        events.add(new ReturnLinesKept(state.returnId, state.orderId, kept));
        boolean nothingShips = state.lines.values().stream()
                .filter(ReturnLine::isAuthorized).allMatch(line -> seen.contains(line.orderLineId));
        if (nothingShips) {
            List<RefundableLine> refundable = kept.stream().map(line -> new RefundableLine(line.orderLineId(),
                    line.quantity(), Grade.NEW, state.lines.get(line.orderLineId()).reason)).toList();
            events.add(new ReturnInspectionCompleted(state.returnId, state.orderId, state.refundMethod, refundable,
                    Map.of(), false));
        }
        return events;
    }

    /**
     * The customer's trust tier, recorded once (a request taken over after a crash does not assess it again), by the
     * request just before it records the authorization.
     */
    static List<Object> trust(RecordTrustAssessment command, ReturnState state) {
        if (state.trustTier != null) {
            return List.of();
        }
        requireStatus(state, "assess the customer's trust of", ReturnStatus.REQUESTED, ReturnStatus.AUTHORIZED,
                ReturnStatus.INSPECTED);
        return List.of(new CustomerTrustAssessed(state.returnId, state.customerId, command.tier(), command.signals(),
                command.lookBackDays(), command.returns(), command.returnedValue(), command.purchasedValue(),
                command.returnRateBasisPoints(), command.returnsLast30Days(), command.keepItReturns(),
                command.instantRefunds()));
    }

    static List<Object> gift(MarkGiftReturn command, ReturnState state) {
        if (state.giftRecipientEmail != null) {
            return List.of();
        }
        requireStatus(state, "mark as a gift", ReturnStatus.REQUESTED);
        if (command.recipientEmail() == null || command.recipientEmail().isBlank()) {
            throw invalid(GIFT_RECIPIENT_REQUIRED, "a gift return names the recipient's e-mail");
        }
        if (state.refundMethod != RefundMethod.STORE_CREDIT && state.refundMethod != RefundMethod.GIFT_CARD) {
            throw rule(GIFT_RETURN_NEEDS_STORE_CREDIT, "a gift return is refunded in store credit or a gift card, not "
                    + state.refundMethod);
        }
        return List.of(new GiftReturnRecorded(state.returnId, command.recipientName(), command.recipientEmail(),
                command.buyerNotified()));
    }

    /**
     * The gateway issued the refund as a new gift card: the card (its masked code), then the refund issued and
     * settled at once, as a confirmed refund is. The same card reported twice changes nothing.
     */
    static List<Object> giftCardIssued(RecordGiftCardIssued command, ReturnState state) {
        if (state.refundMethod != RefundMethod.GIFT_CARD) {
            throw illegalState(ILLEGAL_TRANSITION, "this return is refunded in " + state.refundMethod
                    + ", not a gift card");
        }
        if (command.maskedCode() == null || command.maskedCode().isBlank()) {
            throw invalid("VALIDATION_FAILED", "a gift card is recorded with its masked code");
        }
        List<Object> refund = ReturnMoney.refundIssued(new RecordRefundIssued(command.returnId(),
                command.gatewayReference(), command.amount(), true), state);
        if (refund.isEmpty()) {
            return refund;
        }
        List<Object> events = new ArrayList<>();
        events.add(new GiftCardIssued(state.returnId, command.gatewayReference(), command.maskedCode(),
                command.amount()));
        events.addAll(refund);
        return events;
    }
}
