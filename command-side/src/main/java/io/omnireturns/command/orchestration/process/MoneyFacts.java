package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.DifferenceChargeRequested;
import io.omnireturns.api.returns.event.DifferenceCharged;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.ExchangeDifferenceDecided;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.RefundTaxCalculated;
import io.omnireturns.api.returns.event.RefundTaxRequested;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import io.omnireturns.api.returns.event.StoreCreditBonusGranted;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.RefundTaxContext;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;

import java.time.Instant;
import java.util.List;

/**
 * What the process remembers of how the return is paid back, part of {@link ReturnFacts}: the refund decided (and
 * the tax service's figures it waited for), an exchange's replacement and price difference, what the gateway paid,
 * charged and settled, and the credit memo and loyalty reversal that follow. {@link ReturnFacts} stores these fields
 * unwrapped, beside its own, as rows held them before they were grouped here.
 */
final class MoneyFacts {

    RefundMethod refundMethod;
    /** The refund's last tax request (null unless the tax service was asked), its number, and the answer to it. */
    TaxRequest taxRequest;
    int taxRequests;
    TaxCalculation taxCalculation;
    /** The tax the approved refund gives back per jurisdiction, where the service figured it (empty otherwise). */
    List<JurisdictionTax> taxGivenBack = List.of();
    RefundBreakdown refund;
    boolean refundRequested;
    /** When the gateway issued the refund (null until it did, and for an exchange or a zero refund). */
    Instant refundIssuedAt;
    boolean replacementOrdered;
    boolean settled;
    /** The settlement SLA runs from here: the refund's issue, or operations resuming the settlement exception. */
    Instant settlementWaitFrom;
    boolean creditMemoPosted;
    boolean loyaltyReversed;
    /** An exchange at a different price: the difference refunded (with its split) and the one charged. */
    ExchangeDifferenceDecided exchangeDifference;
    /** The exchange's replacements were priced at the request: its difference is decided with the refund. */
    boolean replacementsPriced;
    DifferenceChargeRequested differenceCharge;
    StoreCreditBonusGranted storeCreditBonus;
    boolean differenceCharged;

    /** Whether the event was one of these facts' own (the request and an exception are everybody's: noted only). */
    boolean apply(Object event, Instant at) {
        if (event instanceof ReturnRequested e) {
            refundMethod = e.refundMethod();
            return false;
        }
        if (event instanceof ExceptionResolved e) {
            if (ReturnProcess.runsAgain(e) && ProcessTask.REFUND_SETTLEMENT.render().equals(e.stepKey())) {
                settlementWaitFrom = at; // another SLA from now
            }
            return false;
        }
        if (event instanceof RefundTaxRequested e) {
            taxRequested(e);
        } else if (event instanceof RefundTaxCalculated e) {
            if (taxRequest != null && taxRequest.requestId().equals(e.requestId())) {
                taxCalculation = e.calculation();
            }
        } else if (event instanceof RefundTaxApplied e) {
            taxGivenBack = e.byJurisdiction();
        } else if (event instanceof RefundApproved e) {
            refund = e.breakdown();
        } else if (event instanceof RefundRequested) {
            refundRequested = true;
        } else if (event instanceof RefundIssued) {
            refundIssuedAt = refundIssuedAt == null ? at : refundIssuedAt;
            settlementWaitFrom = settlementWaitFrom == null ? at : settlementWaitFrom;
        } else if (event instanceof RefundSettled) {
            settled = true;
        } else if (event instanceof ReplacementOrderCreated) {
            replacementOrdered = true;
        } else if (event instanceof CreditMemoPosted) {
            creditMemoPosted = true;
        } else if (event instanceof LoyaltyAdjusted) {
            loyaltyReversed = true;
        } else if (event instanceof SettlementTermsAgreed e) {
            replacementsPriced = !e.replacementUnitPrices().isEmpty();
        } else if (event instanceof ExchangeDifferenceDecided e) {
            exchangeDifference = e;
        } else if (event instanceof DifferenceChargeRequested e) {
            differenceCharge = e;
        } else if (event instanceof StoreCreditBonusGranted e) {
            storeCreditBonus = e;
        } else if (event instanceof DifferenceCharged) {
            differenceCharged = true;
        } else {
            return false;
        }
        return true;
    }

    private void taxRequested(RefundTaxRequested event) {
        if (taxRequest != null && taxRequest.requestId().equals(event.request().requestId())) {
            return; // the same request recorded twice
        }
        taxRequest = event.request();
        taxRequests++;
        taxCalculation = null;
    }

    // ---- what the flow asks of the money ----------------------------------------------------------------------

    boolean exchange() {
        return refundMethod == RefundMethod.EXCHANGE;
    }

    boolean refundDecided() {
        return refund != null;
    }

    /** The tax service was asked about the refund and has not answered yet. */
    boolean taxPending() {
        return taxRequest != null && taxCalculation == null;
    }

    /** What the refund decision needs of the return's tax: its store (null for mail-back), the figures so far. */
    RefundTaxContext taxContext(String storeId) {
        return new RefundTaxContext(storeId, taxRequest, taxCalculation, taxRequests);
    }

    /** Money is due back through the gateway: a positive amount, decided (an exchange's difference too). */
    boolean owed() {
        return refundDecided() && amountBack().isPositive() && (!exchange() || exchangeDifference != null);
    }

    /** What goes back through the gateway: an exchange's difference, else the approved refund (with any bonus). */
    Money amountBack() {
        return exchangeDifference != null ? exchangeDifference.refund()
                : storeCreditBonus != null ? storeCreditBonus.refund() : refund.total();
    }

    List<TenderRefund> tendersBack() {
        return exchangeDifference != null ? exchangeDifference.tenders()
                : storeCreditBonus != null ? storeCreditBonus.tenders() : refund.tenders();
    }

    boolean replacementOwed() {
        return refundDecided() && refund.total().isPositive() && exchange();
    }

    /** The replacement may go out: its difference is decided (when priced) and any charge of it taken. */
    boolean replacementReady() {
        return replacementOwed() && (!replacementsPriced || exchangeDifference != null) && !chargeOwed();
    }

    /** A dearer replacement's difference is asked of the card and not yet taken. */
    boolean chargeOwed() {
        return differenceCharge != null && !differenceCharged;
    }

    boolean paidThroughGateway() {
        return refundIssuedAt != null;
    }

    /** Money issued, replacement ordered, or nothing to pay. */
    boolean paid() {
        return refundDecided() && (!owed() || paidThroughGateway()) && (!replacementOwed() || replacementOrdered)
                && !chargeOwed();
    }

    boolean loyaltyApplies() {
        return owed() && !exchange();
    }

    /** Paid, and the gateway, the ERP and loyalty are in step with it (rule 5, stock and notice aside). */
    boolean paidAndPosted() {
        return paid()
                && (!paidThroughGateway() || settled)
                && (refund.total().isZero() || creditMemoPosted)
                && (!loyaltyApplies() || loyaltyReversed);
    }
}
