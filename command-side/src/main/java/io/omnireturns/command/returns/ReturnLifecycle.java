package io.omnireturns.command.returns;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.CancelReturn;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.api.returns.command.RequestReturn;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.omnireturns.command.returns.ReturnErrors.*;

/**
 * How a return starts and where it may go, apart from its state: what a request must say, what an eligibility
 * decision must cover, when a return may still be cancelled or expire, and the status guards every step uses. Each
 * decision answers the events to apply (none when the command repeats one already applied) or refuses with a stable
 * code; none changes anything.
 */
@PlainJava
final class ReturnLifecycle {

    private static final Set<ReturnStatus> BEFORE_RECEIPT =
            EnumSet.of(ReturnStatus.REQUESTED, ReturnStatus.AUTHORIZED, ReturnStatus.IN_TRANSIT);
    private static final Set<ReturnStatus> AWAITING_PARCEL = EnumSet.of(ReturnStatus.AUTHORIZED, ReturnStatus.IN_TRANSIT);

    private ReturnLifecycle() {
    }

    static ReturnRequested request(RequestReturn command) {
        List<RequestedLine> requested = command.lines() == null ? List.of() : command.lines();
        if (requested.isEmpty()) {
            throw invalid(RETURN_HAS_NO_LINES, "a return needs at least one line");
        }
        if ((command.channel() == SalesChannel.STORE) && (command.storeId() == null || command.storeId().isBlank())) {
            throw invalid(STORE_ID_REQUIRED, "a store return names the store that takes it");
        }
        Set<String> seen = new HashSet<>();
        for (RequestedLine line : requested) {
            if (line.quantity() <= 0) {
                throw invalid(INVALID_QUANTITY, "line " + line.orderLineId() + " asks for " + line.quantity() + " items");
            }
            if (!seen.add(line.orderLineId())) {
                throw invalid(DUPLICATE_LINE, "order line " + line.orderLineId() + " appears twice");
            }
            if (command.refundMethod() == RefundMethod.EXCHANGE
                    && (line.replacementSku() == null || line.replacementSku().isBlank())) {
                throw invalid(REPLACEMENT_SKU_REQUIRED, "an exchange names the replacement SKU of line " + line.orderLineId());
            }
            if (command.order().line(line.orderLineId()).isEmpty()) {
                throw invalid(ORDER_LINE_NOT_FOUND,
                        "order " + command.order().orderId() + " has no line " + line.orderLineId());
            }
        }
        return new ReturnRequested(command.returnId(), command.channel(), command.storeId(), command.customerId(),
                command.order().orderId(), command.refundMethod(), requested, command.order());
    }

    /** One decision per requested line, for no more than was requested; deciding again changes nothing. */
    static List<Object> decideEligibility(RecordEligibilityDecision command, ReturnState state) {
        if (state.eligibilityDecided) {
            return List.of();
        }
        requireStatus(state, "decide eligibility of", ReturnStatus.REQUESTED);
        Set<String> decided = new HashSet<>();
        for (LineDecision decision : command.decisions()) {
            ReturnLine line = state.lines.get(decision.orderLineId());
            if (line == null || !decided.add(decision.orderLineId())
                    || decision.authorizedQuantity() < 0 || decision.authorizedQuantity() > line.requestedQuantity) {
                throw invalid(DECISION_DOES_NOT_MATCH_REQUEST,
                        "decision for line " + decision.orderLineId() + " does not match the request");
            }
        }
        if (!decided.equals(state.lines.keySet())) {
            throw invalid(DECISION_DOES_NOT_MATCH_REQUEST, "a decision is needed for every requested line");
        }
        if (command.decisions().stream().anyMatch(LineDecision::isAuthorized)) {
            return List.of(new ReturnAuthorized(state.returnId, command.decisions()));
        }
        return List.of(new ReturnRejected(state.returnId, state.orderId, command.decisions()));
    }

    static List<Object> cancel(CancelReturn command, ReturnState state) {
        boolean heldBeforeReceipt = state.status == ReturnStatus.ON_HOLD && BEFORE_RECEIPT.contains(state.heldFrom);
        if (!(BEFORE_RECEIPT.contains(state.status) || heldBeforeReceipt) || state.anythingReceived()) {
            throw illegalState(RETURN_NOT_CANCELLABLE,
                    "a return can be cancelled only before receipt; it is " + state.status);
        }
        return List.of(new ReturnCancelled(state.returnId, state.orderId, command.reason(), command.cancelledBy()));
    }

    static List<Object> expire(ExpireReturn command, ReturnState state) {
        boolean heldAwaitingParcel = state.status == ReturnStatus.ON_HOLD && AWAITING_PARCEL.contains(state.heldFrom);
        if (!(AWAITING_PARCEL.contains(state.status) || heldAwaitingParcel) || state.anythingReceived()) {
            throw illegalState(RETURN_NOT_EXPIRABLE,
                    "only a return still waiting for its parcel expires; it is " + state.status);
        }
        return List.of(new ReturnExpired(state.returnId, state.orderId));
    }

    /** Whether a hold may still end the return (reject or cancel it): held before receipt, nothing received. */
    static boolean endableWhileHeld(ReturnState state) {
        return BEFORE_RECEIPT.contains(state.heldFrom) && !state.anythingReceived();
    }

    static void requireStatus(ReturnState state, String action, ReturnStatus... allowed) {
        for (ReturnStatus candidate : allowed) {
            if (state.status == candidate) {
                return;
            }
        }
        requireNotTerminal(state, action);
        throw illegalTransition(action, state.status);
    }

    static void requireNotTerminal(ReturnState state, String action) {
        if (state.status.isTerminal()) {
            throw illegalState(RETURN_IS_TERMINAL, "cannot " + action + " a return that is " + state.status);
        }
    }
}
