package io.omnireturns.command.orchestration.process;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.GiftReturnRecorded;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.RefundTaxCalculated;
import io.omnireturns.api.returns.event.RefundTaxRequested;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnDeclined;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.api.returns.event.DifferenceChargeRequested;
import io.omnireturns.api.returns.event.DifferenceCharged;
import io.omnireturns.api.returns.event.ExchangeDifferenceDecided;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import io.omnireturns.api.returns.event.StoreCreditBonusGranted;
import io.omnireturns.api.returns.TenderRefund;
import java.util.List;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.RefundTaxContext;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What has happened to one return, as far as its process cares: folded from the return's own events, nothing
 * decided here. Every fold is idempotent (flags and sets), so an event seen twice changes nothing. {@link ReturnFlow}
 * reads these facts to say what the return wants next; {@link StepCalls} reads them to build the calls.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class ReturnFacts {

    /** What the process remembers of one return line. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class Line {
        String sku;
        Money unitPrice;
        String replacementSku;
        int authorized;
        int received;
        /** Kept by the customer: never shipped, written off. */
        int kept;
        boolean inspected;
        Disposition disposition;
        boolean inventoryAdjusted;
    }

    String returnId;
    String orderId;
    String customerId;
    SalesChannel channel;
    RefundMethod refundMethod;
    String destinationLocationId;
    /** A gift return's recipient, who gets the notices; null otherwise. */
    String giftRecipientEmail;
    boolean buyerNotified;
    /** The gift recipient's name and a refund's gift card. */
    final GiftFacts gift = new GiftFacts();
    /** The tax of an exchange's price difference. */
    final TaxFacts tax = new TaxFacts();
    final Map<String, Line> lines = new LinkedHashMap<>();
    Instant requestedAt;
    boolean decided;
    boolean authorized;

    boolean fraudAssessed;
    boolean fraudReviewRequired;
    /** When the return was cleared to come back (by the score, or by a person after review): the expiry runs from here. */
    Instant clearedAt;
    boolean labelIssued;
    String trackingNumber;
    boolean warehouseAdvised;
    boolean inTransit;
    final Set<String> receiptIds = new LinkedHashSet<>();
    String receivingLocationId;

    ReturnInspectionCompleted inspection;
    /** The refund's last tax request (null unless the tax service was asked), its number, and the answer to it. */
    TaxRequest taxRequest;
    int taxRequests;
    TaxCalculation taxCalculation;
    /** The tax the approved refund gives back per jurisdiction, where the service figured it (empty otherwise). */
    List<JurisdictionTax> taxGivenBack = List.of();
    boolean inspectionReviewed;
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

    final Set<String> notified = new LinkedHashSet<>();
    final Set<String> openExceptions = new LinkedHashSet<>();
    final Set<String> casesOpened = new LinkedHashSet<>();
    /** A person asked, from the exception queue, to decide an overdue return again. */
    boolean decisionAskedAgain;
    boolean onHold;
    boolean completed;
    Milestone ending;
    /** The customer's trust tier and serial-returner signals. */
    final TrustFacts trust = new TrustFacts();
    /** A refund at the first carrier scan and its clawback. */
    final InstantFacts instant = new InstantFacts();

    void apply(Object event, Instant at) {
        gift.apply(event);
        tax.apply(event);
        if (trust.apply(event) || instant.apply(event)) {
            return;
        }
        if (event instanceof ReturnRequested e) {
            requested(e, at);
        } else if (event instanceof ReturnAuthorized e) {
            authorized(e);
        } else if (event instanceof ReturnRejected || event instanceof ReturnDeclined) {
            ended(Milestone.REJECTED); // declined by a person: the customer hears of it as of a rejection
        } else if (event instanceof FraudAssessed e) {
            fraudAssessed(e, at);
        } else if (event instanceof ReturnLabelIssued e) {
            labelIssued = true;
            trackingNumber = e.trackingNumber();
        } else if (event instanceof WarehouseAdvised) {
            warehouseAdvised = true;
        } else if (event instanceof ReturnParcelInTransit e) {
            inTransit = true;
            trackingNumber = trackingNumber == null ? e.trackingNumber() : trackingNumber;
        } else if (event instanceof ReturnItemsReceived e) {
            received(e);
        } else if (event instanceof ReturnLinesInspected e) {
            inspected(e);
        } else if (event instanceof ReturnLinesKept e) {
            kept(e);
        } else if (event instanceof GiftReturnRecorded e) {
            giftRecipientEmail = e.recipientEmail();
            buyerNotified = e.buyerNotified();
        } else if (event instanceof ReturnInspectionCompleted e) {
            inspection = e;
        } else if (event instanceof RefundTaxRequested e) {
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
        } else if (event instanceof InventoryAdjusted e) {
            line(e.orderLineId()).inventoryAdjusted = true;
        } else if (event instanceof LoyaltyAdjusted) {
            loyaltyReversed = true;
        } else if (event instanceof CustomerNotified e) {
            notified.add(e.milestone());
        } else if (event instanceof ReturnPutOnHold) {
            onHold = true;
        } else if (event instanceof ReturnHoldResolved e) {
            holdResolved(e, at);
        } else if (event instanceof ExceptionRaised e) {
            openExceptions.add(e.exceptionId());
        } else if (event instanceof ExceptionResolved e) {
            exceptionResolved(e, at);
        } else if (event instanceof CaseOpened e) {
            casesOpened.add(e.exceptionId());
        } else if (event instanceof ReturnCompleted) {
            completed = true;
        } else if (event instanceof ReturnCancelled) {
            ended(Milestone.CANCELLED);
        } else if (event instanceof ReturnExpired) {
            ended(Milestone.EXPIRED);
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
        }
        // other events do not steer the process (RefundFailed: the payment step's own failure reports do)
    }

    private void requested(ReturnRequested event, Instant at) {
        returnId = event.returnId();
        orderId = event.orderId();
        customerId = event.customerId();
        channel = event.channel();
        refundMethod = event.refundMethod();
        destinationLocationId = channel == SalesChannel.STORE ? event.storeId() : event.order().fulfilmentLocationId();
        requestedAt = at;
        for (RequestedLine requested : event.lines()) {
            OrderLine ordered = event.order().line(requested.orderLineId()).orElseThrow();
            Line line = new Line();
            line.sku = ordered.sku();
            line.unitPrice = ordered.unitPrice();
            line.replacementSku = requested.replacementSku();
            lines.put(requested.orderLineId(), line);
        }
    }

    private void taxRequested(RefundTaxRequested event) {
        if (taxRequest != null && taxRequest.requestId().equals(event.request().requestId())) {
            return; // the same request recorded twice
        }
        taxRequest = event.request();
        taxRequests++;
        taxCalculation = null;
    }

    private void authorized(ReturnAuthorized event) {
        decided = true;
        authorized = true;
        for (LineDecision decision : event.decisions()) {
            line(decision.orderLineId()).authorized = decision.authorizedQuantity();
        }
    }

    private void fraudAssessed(FraudAssessed event, Instant at) {
        fraudAssessed = true;
        fraudReviewRequired = event.reviewRequired();
        if (!event.reviewRequired() && clearedAt == null) {
            clearedAt = at;
        }
    }

    private void received(ReturnItemsReceived event) {
        if (!receiptIds.add(event.receiptId())) {
            return;
        }
        receivingLocationId = event.locationId();
        for (ReceivedLine received : event.lines()) {
            Line line = line(received.orderLineId());
            if (!received.isWrongItem(line.sku)) {
                line.received += received.quantity();
            }
        }
    }

    private void inspected(ReturnLinesInspected event) {
        for (InspectedLine inspected : event.lines()) {
            Line line = line(inspected.orderLineId());
            line.inspected = true;
            line.disposition = inspected.disposition();
        }
    }

    private void kept(ReturnLinesKept event) {
        for (KeptLine kept : event.lines()) {
            Line line = line(kept.orderLineId());
            line.kept = kept.quantity();
            line.inspected = true;
            line.disposition = Disposition.SCRAP;
        }
    }

    private void holdResolved(ReturnHoldResolved event, Instant at) {
        onHold = false;
        if (event.decision() != HoldDecision.RESUME) {
            // rejected or cancelled on hold: the return publishes no ReturnRejected / ReturnCancelled for it
            ended(event.resumedAs() == ReturnStatus.CANCELLED ? Milestone.CANCELLED : Milestone.REJECTED);
            return;
        }
        if (fraudReviewRequired && clearedAt == null) {
            clearedAt = at; // a person reviewed the fraud signals and let the return go on
        }
        if (event.resumedAs() == ReturnStatus.INSPECTED) {
            inspectionReviewed = true;
        }
    }

    private void exceptionResolved(ExceptionResolved event, Instant at) {
        openExceptions.remove(event.exceptionId());
        if (!ReturnProcess.runsAgain(event)) {
            return;
        }
        if (ProcessTask.REFUND_SETTLEMENT.render().equals(event.stepKey())) {
            settlementWaitFrom = at; // another SLA from now
        } else if (ProcessTask.ELIGIBILITY_DECISION.render().equals(event.stepKey())) {
            decisionAskedAgain = true;
        }
    }

    private void ended(Milestone milestone) {
        ending = milestone;
        onHold = false;
    }

    private Line line(String orderLineId) {
        return lines.computeIfAbsent(orderLineId, id -> new Line());
    }

    // ---- what the flow asks of the facts -------------------------------------------------------------------

    boolean finished() {
        return notified.stream().anyMatch(name -> Milestone.COMPLETED.name().equals(name)
                || (ending != null && ending.name().equals(name)));
    }

    boolean notified(Milestone milestone) {
        return notified.contains(milestone.name());
    }

    boolean mailBack() {
        return channel != SalesChannel.STORE;
    }

    /** Some authorized item is not kept by the customer: a parcel is expected. */
    boolean somethingToShip() {
        return lines.values().stream().anyMatch(line -> line.authorized > line.kept);
    }

    boolean cleared() {
        return clearedAt != null;
    }

    /** Some parcel arrived (even one of wrong items): a label or an advice for it is of no use any more. */
    boolean parcelArrived() {
        return !receiptIds.isEmpty();
    }

    /** The parcel is on its way or here: the customer has no use for a label now. */
    boolean parcelMoving() {
        return inTransit || parcelArrived();
    }

    /** Items of the return counted as received: the return can no longer expire. */
    boolean itemsReceived() {
        return lines.values().stream().anyMatch(line -> line.received > 0);
    }

    /** Inspected, and reviewed by a person where inspection asked for one. */
    boolean refundDecidable() {
        return inspection != null && (!inspection.awaitingReview() || inspectionReviewed);
    }

    boolean refundDecided() {
        return refund != null;
    }

    /** The tax service was asked about the refund and has not answered yet. */
    boolean taxPending() {
        return taxRequest != null && taxCalculation == null;
    }

    /** What the refund decision needs of the return's tax: its store, and the service's figures so far. */
    RefundTaxContext taxContext() {
        return new RefundTaxContext(mailBack() ? null : destinationLocationId, taxRequest, taxCalculation,
                taxRequests);
    }

    boolean exchange() {
        return refundMethod == RefundMethod.EXCHANGE;
    }

    boolean moneyOwed() {
        return refundDecided() && moneyBack().isPositive() && (!exchange() || exchangeDifference != null);
    }

    /** What goes back through the gateway: an exchange's difference, else the approved refund. */
    Money moneyBack() {
        return exchangeDifference != null ? exchangeDifference.refund()
                : storeCreditBonus != null ? storeCreditBonus.refund() : refund.total();
    }

    List<TenderRefund> moneyBackTenders() {
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
        return refundDecided() && (!moneyOwed() || paidThroughGateway()) && (!replacementOwed() || replacementOrdered)
                && !chargeOwed();
    }

    boolean loyaltyApplies() {
        return moneyOwed() && !exchange();
    }

    /** Lines whose stock moves by their disposition: inspected and (partly) received, or kept (written off). */
    Set<String> linesToRestock() {
        Set<String> restock = new LinkedHashSet<>();
        lines.forEach((id, line) -> {
            if (line.inspected && (line.received > 0 || line.kept > 0)) {
                restock.add(id);
            }
        });
        return restock;
    }

    /** Rule 5 done: every system is in step with the refund, and the customer knows of it. */
    boolean everythingSettled() {
        return paid()
                && instant.settled()
                && (!paidThroughGateway() || settled)
                && (refund.total().isZero() || creditMemoPosted)
                && linesToRestock().stream().allMatch(id -> lines.get(id).inventoryAdjusted)
                && (!loyaltyApplies() || loyaltyReversed)
                && notified(Milestone.REFUNDED);
    }

    /** Still waiting for the eligibility decision, and not held: the request's own decision may be overdue. */
    boolean awaitingDecision() {
        return !decided && ending == null && !onHold;
    }
}
