package io.omnireturns.query.status;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.GoodwillGranted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
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
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the status view's timeline tells each return event to a person: one sentence per event, from the event alone
 * (and, where the view knows more, what it passes in). A {@link ReturnStatusDraft} adds the sentence when it applies
 * the event. Changing a sentence changes only timelines written afterwards; stored ones keep theirs.
 */
@PlainJava
final class TimelineWording {

    private TimelineWording() {
    }

    static String of(ReturnRequested event) {
        int items = event.lines().stream().mapToInt(RequestedLine::quantity).sum();
        return "Return of " + items + " item(s) requested via " + event.channel()
                + (event.storeId() == null ? "" : " at store " + event.storeId())
                + " for order " + event.orderId()
                + (event.refundMethod() == RefundMethod.EXCHANGE ? ", to be exchanged"
                : ", refund to " + event.refundMethod());
    }

    static String of(ReturnAuthorized event) {
        int requested = event.decisions().stream().mapToInt(LineDecision::requestedQuantity).sum();
        int authorized = event.decisions().stream().mapToInt(LineDecision::authorizedQuantity).sum();
        String reasons = reasonCodes(event.decisions());
        return "Authorized " + authorized + " of " + requested + " requested item(s)"
                + (reasons.isEmpty() ? "" : "; " + reasons);
    }

    static String of(ReturnRejected event) {
        String reasons = reasonCodes(event.decisions());
        return "Rejected" + (reasons.isEmpty() ? "" : ": " + reasons);
    }

    static String of(ReturnLabelIssued event) {
        return "Return label issued by " + event.carrier() + ", tracking " + event.trackingNumber();
    }

    static String of(ReturnParcelInTransit event) {
        return "Parcel in transit with " + event.carrier() + ", tracking " + event.trackingNumber();
    }

    static String of(ReturnItemsReceived event, int received) {
        return "Received " + received + " item(s) at " + event.locationId() + " (receipt " + event.receiptId()
                + ")" + (event.wrongItemLineIds().isEmpty() ? ""
                : "; wrong item for line(s) " + String.join(", ", event.wrongItemLineIds()));
    }

    static String of(ReturnLinesInspected event) {
        int accepted = event.lines().stream().mapToInt(InspectedLine::acceptedQuantity).sum();
        int rejected = event.lines().stream().mapToInt(InspectedLine::rejectedQuantity).sum();
        return "Inspected " + event.lines().size() + " line(s): " + accepted + " item(s) accepted, "
                + rejected + " rejected (inspection " + event.inspectionId() + ")";
    }

    static String of(ReturnInspectionCompleted event) {
        String shorts = event.shortQuantitiesByLine().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey() + " short by " + entry.getValue())
                .collect(Collectors.joining(", "));
        return "Inspection completed" + (shorts.isEmpty() ? "" : "; " + shorts)
                + (event.awaitingReview() ? "; awaiting manual review" : "");
    }

    static String of(RefundApproved event) {
        return "Refund of " + event.breakdown().total() + " approved";
    }

    static String of(RefundRequested event) {
        return "Refund of " + event.amount() + " requested from the payment gateway";
    }

    static String of(RefundIssued event) {
        return "Refund of " + event.amount() + " confirmed by the payment gateway ("
                + event.gatewayReference() + ")";
    }

    static String of(RefundFailed event) {
        String failure = event.failureCode() + ": " + event.message();
        return "Refund failed, " + (event.finalFailure() ? "finally" : "will retry") + " (" + failure + ")";
    }

    static String of(RefundTaxRequested event) {
        return "Tax asked of the tax service (" + String.join(", ", event.reasons()) + "): "
                + event.request().lines().size() + " taxable line(s)";
    }

    static String of(RefundTaxCalculated event) {
        return "Tax calculated by the tax service (" + event.calculation().calculationId() + ")";
    }

    static String of(RefundTaxApplied event) {
        return "Tax given back: " + event.byJurisdiction().stream()
                .map(tax -> tax.jurisdiction() + " " + tax.tax()).collect(Collectors.joining(", "));
    }

    static String of(CreditMemoPosted event) {
        return "Credit memo " + event.documentNumber() + " of " + event.amount() + " posted to the ERP";
    }

    static String of(InventoryAdjusted event) {
        return "Inventory adjusted: " + event.quantity() + " x " + event.sku() + " " + event.disposition()
                + (event.locationId() == null ? "" : " at " + event.locationId());
    }

    static String of(LoyaltyAdjusted event) {
        return event.pointsReversed() + " loyalty point(s) reversed";
    }

    static String of(CustomerNotified event) {
        return "Customer notified by " + event.channel() + ": " + event.milestone();
    }

    static String of(ReturnPutOnHold event) {
        return "On hold for " + event.reason()
                + (event.system() == null ? "" : " (" + event.system() + ")") + ": " + event.detail();
    }

    static String of(ReturnHoldResolved event) {
        return "Hold resolved by " + event.resolvedBy() + ": " + event.decision() + ", now "
                + event.resumedAs() + " (" + event.reason() + ")";
    }

    static String of(FraudAssessed event) {
        String signals = signals(event);
        return "Fraud score " + event.score() + signals
                + (event.reviewRequired() ? ": review required" : ": no review needed");
    }

    static String of(WarehouseAdvised event) {
        return "Warehouse " + event.locationId() + " advised of the parcel ("
                + event.adviceReference() + ")";
    }

    static String of(RefundSettled event, String reference) {
        return "Refund settled by the payment gateway (" + reference + ")";
    }

    static String of(ReplacementOrderCreated event) {
        return "Replacement order " + event.replacementOrderId() + " created for the exchange";
    }

    static String of(StepAttemptFailed event) {
        ExternalSystem system = event.system() == null ? event.step().system() : event.system();
        return event.stepKey() + " attempt " + event.attempt() + " failed at " + system + ": "
                + event.failureCode() + (event.message() == null ? "" : " (" + event.message() + ")")
                + (event.retryable() ? "" : ", not retryable");
    }

    static String of(ExceptionRaised event) {
        return "Exception " + event.exceptionId() + ": " + SystemStatesDraft.failure(event.stepKey(), event.attempts(),
                event.failureCode(), event.message()) + "; waiting for operations";
    }

    static String of(CaseOpened event) {
        return "CRM case " + event.caseId() + " opened for exception " + event.exceptionId();
    }

    static String of(ExceptionResolved event) {
        return "Exception " + event.exceptionId() + " resolved by " + event.resolvedBy() + ": "
                + event.resolution() + " of " + event.stepKey();
    }

    static String of(ReturnCancelled event) {
        return "Cancelled by " + event.cancelledBy() + ": " + event.reason();
    }

    static String of(ReturnDeclined event) {
        return "Declined by " + event.declinedBy() + ": " + event.reason()
                + (event.note() == null ? "" : " (" + event.note() + ")");
    }

    static String of(ReturnLinesKept event) {
        int items = event.lines().stream().mapToInt(line -> line.quantity()).sum();
        return "Keep it: " + items + " item(s) stay with the customer, refunded without being sent back";
    }

    static String of(CustomerTrustAssessed event) {
        String tier = switch (event.tier()) {
            case TRUSTED -> "trusted";
            case STANDARD -> "standard";
            case WATCHED -> "watched";
        };
        String signals = event.signals().isEmpty() ? "" : " (" + event.signals().stream()
                .map(signal -> signal.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", ")) + ")";
        return "Customer's returns read: " + tier + signals + ", " + event.returns() + " return(s) in "
                + event.lookBackDays() + " days";
    }

    static String of(GoodwillGranted event) {
        return "Goodwill exception by " + event.grantedBy() + ", policy overridden ("
                + event.override() + "): " + event.reason();
    }

    static String of(ReturnNoteAdded event) {
        return "Note by " + event.author();
    }

    static String of(ReturnExpired event) {
        return "Expired: the items were not received in time";
    }

    static String of(ReturnCompleted event) {
        return "Completed";
    }

    private static String reasonCodes(List<LineDecision> decisions) {
        return decisions.stream().flatMap(decision -> decision.reasonCodes().stream()).distinct()
                .collect(Collectors.joining(", "));
    }

    /** The signals behind a fraud score, in brackets; nothing when there are none. */
    static String signals(FraudAssessed event) {
        return event.signals() == null || event.signals().isEmpty() ? ""
                : " (" + String.join(", ", event.signals()) + ")";
    }
}
