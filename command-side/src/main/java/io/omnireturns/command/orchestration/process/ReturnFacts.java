package io.omnireturns.command.orchestration.process;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.GiftReturnRecorded;
import io.omnireturns.api.returns.event.InventoryAdjusted;
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
import io.omnireturns.api.tax.RefundTaxContext;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What has happened to one return, as far as its process cares: folded from the return's own events, nothing
 * decided here. Folds are flags and sets, and {@link ReturnProcess} skips an event whose sequence number it has seen,
 * so an event seen twice changes nothing (a {@code ReturnRequested} folded again would reset the lines: only that check
 * keeps it out). {@link ReturnFlow} reads these facts to say what the return wants next; {@link StepCalls} reads them
 * to build the calls.
 * <p>
 * This class keeps the return's way through: who asked, the decision, fraud, the parcel, inspection, holds,
 * exceptions and notices. Its parts keep the rest: {@link ReturnLines} the quantities, {@link MoneyFacts} the refund
 * and its payment, and {@link GiftFacts}, {@link TaxFacts}, {@link TrustFacts} and {@link InstantFacts}.
 */
final class ReturnFacts {

    String returnId;
    String orderId;
    String customerId;
    SalesChannel channel;
    String destinationLocationId;
    /** A gift return's recipient, who gets the notices; null otherwise. */
    String giftRecipientEmail;
    boolean buyerNotified;
    /** The gift recipient's name and a refund's gift card. */
    final GiftFacts gift = new GiftFacts();
    /** The tax of an exchange's price difference. */
    final TaxFacts tax = new TaxFacts();
    final ReturnLines lines = new ReturnLines();
    /**
     * Stored unwrapped: its fields sit among these ones, where rows have always held them (so none of its fields may
     * share a name with one here); {@code StoredProcessFormatTest} reads and writes rows stored before the split.
     */
    @JsonUnwrapped
    final MoneyFacts money = new MoneyFacts();
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
    boolean inspectionReviewed;

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
        if (trust.apply(event) || instant.apply(event) || money.apply(event, at)) {
            return;
        }
        if (event instanceof ReturnRequested e) {
            requested(e, at);
        } else if (event instanceof ReturnAuthorized e) {
            decided = true;
            authorized = true;
            lines.authorized(e);
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
            lines.inspected(e);
        } else if (event instanceof ReturnLinesKept e) {
            lines.kept(e);
        } else if (event instanceof GiftReturnRecorded e) {
            giftRecipientEmail = e.recipientEmail();
            buyerNotified = e.buyerNotified();
        } else if (event instanceof ReturnInspectionCompleted e) {
            inspection = e;
        } else if (event instanceof InventoryAdjusted e) {
            lines.inventoryAdjusted(e.orderLineId());
        } else if (event instanceof CustomerNotified e) {
            notified.add(e.milestone());
        } else if (event instanceof ReturnPutOnHold) {
            onHold = true;
        } else if (event instanceof ReturnHoldResolved e) {
            holdResolved(e, at);
        } else if (event instanceof ExceptionRaised e) {
            openExceptions.add(e.exceptionId());
        } else if (event instanceof ExceptionResolved e) {
            exceptionResolved(e);
        } else if (event instanceof CaseOpened e) {
            casesOpened.add(e.exceptionId());
        } else if (event instanceof ReturnCompleted) {
            completed = true;
        } else if (event instanceof ReturnCancelled) {
            ended(Milestone.CANCELLED);
        } else if (event instanceof ReturnExpired) {
            ended(Milestone.EXPIRED);
        }
        // other events do not steer the process (RefundFailed: the payment step's own failure reports do)
    }

    private void requested(ReturnRequested event, Instant at) {
        returnId = event.returnId();
        orderId = event.orderId();
        customerId = event.customerId();
        channel = event.channel();
        destinationLocationId = channel == SalesChannel.STORE ? event.storeId() : event.order().fulfilmentLocationId();
        requestedAt = at;
        lines.requested(event);
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
        lines.received(event);
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

    /** A settlement resumed restarts its SLA: {@link MoneyFacts} notes that. */
    private void exceptionResolved(ExceptionResolved event) {
        openExceptions.remove(event.exceptionId());
        if (ReturnProcess.runsAgain(event) && ProcessTask.ELIGIBILITY_DECISION.render().equals(event.stepKey())) {
            decisionAskedAgain = true;
        }
    }

    private void ended(Milestone milestone) {
        ending = milestone;
        onHold = false;
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

    /** Inspected, and reviewed by a person where inspection asked for one. */
    boolean refundDecidable() {
        return inspection != null && (!inspection.awaitingReview() || inspectionReviewed);
    }

    /** What the refund decision needs of the return's tax: the store it came back to, and the service's figures. */
    RefundTaxContext taxContext() {
        return money.taxContext(mailBack() ? null : destinationLocationId);
    }

    /** Rule 5 done: every system is in step with the refund, and the customer knows of it. */
    boolean everythingSettled() {
        return money.paidAndPosted()
                && instant.settled()
                && lines.restocked()
                && notified(Milestone.REFUNDED);
    }

    /** Still waiting for the eligibility decision, and not held: the request's own decision may be overdue. */
    boolean awaitingDecision() {
        return !decided && ending == null && !onHold;
    }
}
