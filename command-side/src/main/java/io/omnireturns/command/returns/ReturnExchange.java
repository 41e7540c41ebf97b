package io.omnireturns.command.returns;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.AgreeSettlementTerms;
import io.omnireturns.api.returns.command.GrantStoreCreditBonus;
import io.omnireturns.api.returns.event.StoreCreditBonusGranted;
import io.omnireturns.api.returns.command.DecideExchangeDifference;
import io.omnireturns.api.returns.command.RecordDifferenceCharged;
import io.omnireturns.api.returns.command.RecordStepFailure;
import io.omnireturns.api.returns.event.DifferenceChargeFailed;
import io.omnireturns.api.returns.event.DifferenceChargeRequested;
import io.omnireturns.api.returns.event.DifferenceCharged;
import io.omnireturns.api.returns.event.ExchangeDifferenceDecided;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;

import java.util.ArrayList;
import java.util.List;

import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnLifecycle.requireNotTerminal;
import static io.omnireturns.command.returns.ReturnLifecycle.requireStatus;

/**
 * The terms a return was requested on (a quote, an exchange's replacement prices) and an exchange at a different
 * price: the difference decided after the refund, a dearer replacement's charge and its outcome. Decides only.
 */
final class ReturnExchange {

    /** The tender id of new store credit, as the refund calculator names it. */
    private static final String STORE_CREDIT_TENDER_ID = "STORE_CREDIT";

    private ReturnExchange() {
    }

    static List<Object> agreeTerms(AgreeSettlementTerms command, ReturnState state) {
        if (state.settlementTerms != null) {
            return List.of(); // once, at the request
        }
        requireStatus(state, "agree the terms of", ReturnStatus.REQUESTED);
        return List.of(new SettlementTermsAgreed(state.returnId, command.quoteId(), command.quotedOption(),
                command.replacementUnitPrices(), command.exchangeBonusBasisPoints(), command.chargeTenderId(),
                command.chargeCardReference(), command.storeCreditBonusBasisPoints(), command.quotedTaxRequest(),
                command.quotedTaxCalculation()));
    }

    static List<Object> decideDifference(DecideExchangeDifference command, ReturnState state) {
        if (state.exchangeDifference != null) {
            return List.of();
        }
        if (state.approvedRefund == null) {
            throw illegalState(REFUND_NOT_APPROVED, "the refund of this return is not decided yet");
        }
        if (state.refundMethod != RefundMethod.EXCHANGE) {
            throw rule(NOT_AN_EXCHANGE, "this return is refunded in money, not exchanged");
        }
        if (state.refundedEarly()) {
            requireStatus(state, "decide the exchange difference of", ReturnStatus.IN_TRANSIT);
        } else {
            requireStatus(state, "decide the exchange difference of", ReturnStatus.INSPECTED);
        }
        if (!command.returnedValue().equals(state.approvedRefund.total())) {
            throw rule(REFUND_AMOUNT_MISMATCH, "the exchange values the returned items at " + command.returnedValue()
                    + ", the approved refund at " + state.approvedRefund.total());
        }
        ExchangeDifferenceDecided decided = new ExchangeDifferenceDecided(state.returnId, command.returnedValue(),
                command.bonus(), command.replacementCost(), command.refund(), command.charge(), command.tenders());
        if (!command.charge().isPositive()) {
            return List.of(decided);
        }
        SettlementTermsAgreed terms = state.settlementTerms;
        return List.of(decided, new DifferenceChargeRequested(state.returnId, command.chargeKey(), command.charge(),
                terms == null ? null : terms.chargeTenderId(), terms == null ? null : terms.chargeCardReference()));
    }

    /** The quoted store-credit bonus, on a store-credit refund approved and not yet requested. */
    static List<Object> grantStoreCreditBonus(GrantStoreCreditBonus command, ReturnState state) {
        if (state.storeCreditBonus != null) {
            return List.of();
        }
        if (state.approvedRefund == null) {
            throw illegalState(REFUND_NOT_APPROVED, "the refund of this return is not decided yet");
        }
        if (state.refundMethod != RefundMethod.STORE_CREDIT || state.settlementTerms == null
                || state.settlementTerms.storeCreditBonusBasisPoints() <= 0) {
            throw rule(REFUND_AMOUNT_MISMATCH, "this return was not offered a store-credit bonus");
        }
        requireStatus(state, "grant the store-credit bonus of", ReturnStatus.INSPECTED);
        Money expected = state.approvedRefund.total().fraction(state.settlementTerms.storeCreditBonusBasisPoints(),
                10_000);
        if (!command.bonus().equals(expected)) {
            throw rule(REFUND_AMOUNT_MISMATCH, "a bonus of " + command.bonus() + " where the quote's rate gives "
                    + expected);
        }
        Money refund = state.approvedRefund.total().plus(command.bonus());
        return List.of(new StoreCreditBonusGranted(state.returnId, command.bonus(), refund,
                List.of(new TenderRefund(STORE_CREDIT_TENDER_ID, TenderType.STORE_CREDIT, refund))));
    }

    static List<Object> differenceCharged(RecordDifferenceCharged command, ReturnState state) {
        if (command.gatewayReference().equals(state.chargeGatewayReference)) {
            return List.of();
        }
        if (state.differenceCharge == null || state.chargeGatewayReference != null) {
            throw illegalState(ILLEGAL_TRANSITION, "no price difference is waiting to be charged");
        }
        requireNotTerminal(state, "charge the difference of");
        Money asked = state.differenceCharge.amount();
        if (!command.amount().equals(asked)) {
            throw rule(REFUND_AMOUNT_MISMATCH, "charged " + command.amount() + ", the difference is " + asked);
        }
        return List.of(new DifferenceCharged(state.returnId, command.gatewayReference(), command.amount()));
    }

    /** A failed attempt to charge the difference is recorded as such; the process retries or escalates it. */
    static List<Object> onStepFailure(RecordStepFailure command, ReturnState state) {
        if (command.step() != ProcessStep.CHARGE_DIFFERENCE || state.differenceCharge == null
                || state.chargeGatewayReference != null) {
            return List.of();
        }
        return List.of(new DifferenceChargeFailed(state.returnId, command.failureCode(), command.message(),
                !command.retryable()));
    }

    /** What an exchange at a different price still waits for before the return completes. */
    static List<String> missingForCompletion(ReturnState state) {
        List<String> missing = new ArrayList<>();
        if (state.exchangeDifference != null && state.replacementOrderId == null) {
            missing.add("replacement ordered");
        }
        if (state.differenceCharge != null && state.chargeGatewayReference == null) {
            missing.add("price difference charged");
        }
        return missing;
    }
}
