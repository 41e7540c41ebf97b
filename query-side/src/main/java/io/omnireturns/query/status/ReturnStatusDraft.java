package io.omnireturns.query.status;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.HoldView;
import io.omnireturns.api.query.NoteView;
import io.omnireturns.api.query.OpenExceptionView;
import io.omnireturns.api.query.RefundFailureView;
import io.omnireturns.api.query.RefundView;
import io.omnireturns.api.query.ReturnLineView;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.query.TimelineEntry;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.GoodwillGranted;
import io.omnireturns.api.returns.event.ReturnDeclined;
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A return's status view opened for change: read from the stored view, changed by one event, written back
 * as a new view. It knows what each return event means for the view; it knows nothing of Axon or SQL.
 * The status transitions mirror the return aggregate's, so agents see the status the command side enforces.
 * <p>
 * A system shows the state its normal flow reached, unless something covers it: a failed attempt or a hold
 * until the flow moves on, an open exception (the system shows {@code FAILED}) or an open CRM case (the CRM
 * shows {@code CASE_OPENED}) until the exception is resolved. While covered, the normal state is kept aside
 * ({@link #underlyingSystems()}, stored beside the view), so a resolved exception shows the state the system
 * would have had without it.
 */
final class ReturnStatusDraft {

    static final String NOT_STARTED = "NOT_STARTED";

    private static final Set<HoldReason> FAILURES =
            EnumSet.of(HoldReason.REFUND_FAILED, HoldReason.POSTING_FAILED, HoldReason.INTEGRATION_FAILURE);

    private final String returnId;
    private final String orderId;
    private final String customerId;
    private final SalesChannel channel;
    private final String storeId;
    private final RefundMethod refundMethod;
    private final String currency;
    private final Instant createdAt;

    private ReturnStatus status;
    private HoldView hold;
    private Instant updatedAt;
    private long version;
    private final Map<String, ReturnLineDraft> lines = new LinkedHashMap<>();
    private final Map<ExternalSystem, SystemStateView> systems = new EnumMap<>(ExternalSystem.class);
    /** The normal state of each system that something else covers in {@link #systems}. */
    private final Map<ExternalSystem, SystemStateView> underlying = new EnumMap<>(ExternalSystem.class);
    private final List<OpenExceptionView> openExceptions = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final List<NoteView> notes = new ArrayList<>();

    private Money approvedTotal;
    private Money shippingRefund;
    private Money restockingFees;
    private List<TenderRefund> tenderSplit = List.of();
    private Money requestedAmount;
    private Money refundedTotal;
    private String gatewayReference;
    private String replacementOrderId;
    private final List<RefundFailureView> refundFailures = new ArrayList<>();
    private Instant approvedAt;
    private Instant requestedAt;
    private Instant refundedAt;
    private Instant settledAt;

    private ReturnStatusDraft(String returnId, String orderId, String customerId, SalesChannel channel,
                              String storeId, RefundMethod refundMethod, String currency, Instant createdAt) {
        this.returnId = returnId;
        this.orderId = orderId;
        this.customerId = customerId;
        this.channel = channel;
        this.storeId = storeId;
        this.refundMethod = refundMethod;
        this.currency = currency;
        this.createdAt = createdAt;
        for (ExternalSystem system : ExternalSystem.values()) {
            systems.put(system, new SystemStateView(system, NOT_STARTED, null, null, null));
        }
    }

    /** The first view of a return; product details come from the order snapshot taken at request time. */
    static ReturnStatusDraft requested(ReturnRequested event, EventStamp stamp) {
        OrderSnapshot order = event.order();
        ReturnStatusDraft draft = new ReturnStatusDraft(event.returnId(), event.orderId(), event.customerId(),
                event.channel(), event.storeId(), event.refundMethod(), order.currency(), stamp.at());
        draft.status = ReturnStatus.REQUESTED;
        draft.refundedTotal = Money.zero(order.currency());
        int items = 0;
        for (RequestedLine requested : event.lines()) {
            OrderLine orderLine = order.line(requested.orderLineId()).orElse(null);
            draft.lines.put(requested.orderLineId(), ReturnLineDraft.requested(requested.orderLineId(),
                    orderLine == null ? null : orderLine.sku(),
                    orderLine == null ? null : orderLine.description(),
                    requested.reason(), requested.replacementSku(), requested.quantity()));
            items += requested.quantity();
        }
        draft.system(ExternalSystem.ORDER, "LOOKED_UP", event.orderId(), null, stamp);
        draft.milestone(stamp, "Return of " + items + " item(s) requested via " + event.channel()
                + (event.storeId() == null ? "" : " at store " + event.storeId())
                + " for order " + event.orderId()
                + (event.refundMethod() == RefundMethod.EXCHANGE ? ", to be exchanged"
                : ", refund to " + event.refundMethod()));
        return draft;
    }

    /** Opens a stored view for change, with the normal states of the systems it shows covered. */
    static ReturnStatusDraft of(ReturnStatusView view, List<SystemStateView> underlyingSystems) {
        ReturnStatusDraft draft = new ReturnStatusDraft(view.returnId(), view.orderId(), view.customerId(),
                view.channel(), view.storeId(), view.refundMethod(), view.currency(), view.createdAt());
        draft.status = view.status();
        draft.hold = view.hold();
        draft.updatedAt = view.updatedAt();
        draft.version = view.version();
        view.lines().forEach(line -> draft.lines.put(line.orderLineId(), ReturnLineDraft.of(line)));
        view.systems().forEach(system -> draft.systems.put(system.system(), system));
        underlyingSystems.forEach(system -> draft.underlying.put(system.system(), system));
        draft.openExceptions.addAll(view.openExceptions());
        draft.timeline.addAll(view.timeline());
        draft.notes.addAll(view.notes());
        RefundView refund = view.refund();
        draft.approvedTotal = refund.approvedTotal();
        draft.shippingRefund = refund.shippingRefund();
        draft.restockingFees = refund.restockingFees();
        draft.tenderSplit = refund.tenderSplit();
        draft.requestedAmount = refund.requestedAmount();
        draft.refundedTotal = refund.refundedTotal();
        draft.gatewayReference = refund.gatewayReference();
        draft.replacementOrderId = refund.replacementOrderId();
        draft.refundFailures.addAll(refund.failures());
        draft.approvedAt = refund.approvedAt();
        draft.requestedAt = refund.requestedAt();
        draft.refundedAt = refund.refundedAt();
        draft.settledAt = refund.settledAt();
        return draft;
    }

    ReturnStatusView toView() {
        List<ReturnLineView> lineViews = lines.values().stream().map(ReturnLineDraft::toView).toList();
        RefundView refund = new RefundView(approvedTotal, shippingRefund, restockingFees, tenderSplit,
                requestedAmount, refundedTotal, gatewayReference, replacementOrderId, refundFailures, approvedAt,
                requestedAt, refundedAt, settledAt);
        return new ReturnStatusView(returnId, orderId, customerId, channel, storeId, status, hold, openExceptions,
                refundMethod, currency, createdAt, updatedAt, lineViews, refund, List.copyOf(systems.values()),
                timeline, notes, version);
    }

    /** The normal states that something covers in the view; stored beside it, never shown. */
    List<SystemStateView> underlyingSystems() {
        return List.copyOf(underlying.values());
    }

    /** Sequence number of the last event applied. */
    long version() {
        return version;
    }

    void on(ReturnAuthorized event, EventStamp stamp) {
        event.decisions().forEach(decision -> line(decision.orderLineId()).decided(decision));
        status = ReturnStatus.AUTHORIZED;
        int requested = event.decisions().stream().mapToInt(LineDecision::requestedQuantity).sum();
        int authorized = event.decisions().stream().mapToInt(LineDecision::authorizedQuantity).sum();
        String reasons = reasonCodes(event.decisions());
        milestone(stamp, "Authorized " + authorized + " of " + requested + " requested item(s)"
                + (reasons.isEmpty() ? "" : "; " + reasons));
    }

    void on(ReturnRejected event, EventStamp stamp) {
        event.decisions().forEach(decision -> line(decision.orderLineId()).decided(decision));
        status = ReturnStatus.REJECTED;
        String reasons = reasonCodes(event.decisions());
        milestone(stamp, "Rejected" + (reasons.isEmpty() ? "" : ": " + reasons));
    }

    void on(ReturnLabelIssued event, EventStamp stamp) {
        system(ExternalSystem.CARRIER, "LABEL_ISSUED", event.trackingNumber(), event.carrier(), stamp);
        milestone(stamp, "Return label issued by " + event.carrier() + ", tracking " + event.trackingNumber());
    }

    void on(ReturnParcelInTransit event, EventStamp stamp) {
        lines.values().forEach(ReturnLineDraft::parcelInTransit);
        status = ReturnStatus.IN_TRANSIT;
        system(ExternalSystem.CARRIER, "IN_TRANSIT", event.trackingNumber(), event.carrier(), stamp);
        milestone(stamp, "Parcel in transit with " + event.carrier() + ", tracking " + event.trackingNumber());
    }

    void on(ReturnItemsReceived event, EventStamp stamp) {
        int received = 0;
        for (ReceivedLine receivedLine : event.lines()) {
            ReturnLineDraft line = line(receivedLine.orderLineId());
            // same rule as the aggregate: only a line it flagged, holding another SKU, is a wrong item
            if (event.wrongItemLineIds().contains(receivedLine.orderLineId()) && receivedLine.isWrongItem(line.sku)) {
                line.wrongItemReceived(receivedLine.quantity());
            } else {
                line.received(receivedLine.quantity());
                received += receivedLine.quantity();
            }
        }
        if (lines.values().stream().anyMatch(line -> line.receivedQuantity > 0)) {
            status = ReturnStatus.RECEIVED;
        }
        if (!NOT_STARTED.equals(normal(ExternalSystem.CARRIER).state())) {
            SystemStateView carrier = normal(ExternalSystem.CARRIER);
            system(ExternalSystem.CARRIER, "DELIVERED", carrier.reference(), carrier.detail(), stamp);
        }
        system(ExternalSystem.WAREHOUSE, "RECEIVED", event.receiptId(), "at " + event.locationId(), stamp);
        milestone(stamp, "Received " + received + " item(s) at " + event.locationId() + " (receipt " + event.receiptId()
                + ")" + (event.wrongItemLineIds().isEmpty() ? ""
                : "; wrong item for line(s) " + String.join(", ", event.wrongItemLineIds())));
    }

    void on(ReturnLinesInspected event, EventStamp stamp) {
        event.lines().forEach(inspected -> line(inspected.orderLineId()).inspected(inspected));
        int accepted = event.lines().stream().mapToInt(InspectedLine::acceptedQuantity).sum();
        int rejected = event.lines().stream().mapToInt(InspectedLine::rejectedQuantity).sum();
        system(ExternalSystem.WAREHOUSE, "INSPECTING", event.inspectionId(), null, stamp);
        milestone(stamp, "Inspected " + event.lines().size() + " line(s): " + accepted + " item(s) accepted, "
                + rejected + " rejected (inspection " + event.inspectionId() + ")");
    }

    void on(ReturnInspectionCompleted event, EventStamp stamp) {
        event.shortQuantitiesByLine().forEach((lineId, quantity) -> {
            if (quantity > 0) {
                line(lineId).shortBy(quantity);
            }
        });
        status = ReturnStatus.INSPECTED;
        system(ExternalSystem.WAREHOUSE, "INSPECTED", normal(ExternalSystem.WAREHOUSE).reference(), null, stamp);
        String shorts = event.shortQuantitiesByLine().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey() + " short by " + entry.getValue())
                .collect(Collectors.joining(", "));
        milestone(stamp, "Inspection completed" + (shorts.isEmpty() ? "" : "; " + shorts)
                + (event.awaitingReview() ? "; awaiting manual review" : ""));
    }

    void on(RefundApproved event, EventStamp stamp) {
        RefundBreakdown breakdown = event.breakdown();
        Map<String, LineRefund> refundsByLine = breakdown.lines().stream()
                .collect(Collectors.toMap(LineRefund::orderLineId, refund -> refund));
        lines.values().forEach(line -> line.refundApproved(refundsByLine.get(line.orderLineId), currency));
        approvedTotal = breakdown.total();
        shippingRefund = breakdown.shippingRefund();
        restockingFees = breakdown.restockingFees();
        tenderSplit = breakdown.tenders();
        approvedAt = stamp.at();
        if (breakdown.total().isZero()) {
            // nothing to pay: the aggregate counts it refunded without asking the payment gateway
            lines.values().forEach(ReturnLineDraft::refunded);
            refundedAt = stamp.at();
            status = ReturnStatus.REFUNDED;
            system(ExternalSystem.PAYMENT, "NOT_REQUIRED", null, "nothing to refund", stamp);
        }
        milestone(stamp, "Refund of " + breakdown.total() + " approved");
    }

    void on(RefundRequested event, EventStamp stamp) {
        requestedAmount = event.amount();
        requestedAt = stamp.at();
        status = ReturnStatus.REFUND_PENDING;
        system(ExternalSystem.PAYMENT, "REQUESTED", event.idempotencyKey(), null, stamp);
        milestone(stamp, "Refund of " + event.amount() + " requested from the payment gateway");
    }

    void on(RefundIssued event, EventStamp stamp) {
        lines.values().forEach(ReturnLineDraft::refunded);
        refundedTotal = event.amount();
        gatewayReference = event.gatewayReference();
        refundedAt = stamp.at();
        if (status == ReturnStatus.ON_HOLD && hold != null) {
            // a late confirmation while the return waits for a person: it resumes as refunded, like the aggregate
            hold = new HoldView(hold.reason(), hold.system(), hold.detail(), ReturnStatus.REFUNDED, hold.since());
        } else {
            status = ReturnStatus.REFUNDED;
        }
        system(ExternalSystem.PAYMENT, "REFUNDED", event.gatewayReference(), null, stamp);
        milestone(stamp, "Refund of " + event.amount() + " confirmed by the payment gateway ("
                + event.gatewayReference() + ")");
    }

    void on(RefundFailed event, EventStamp stamp) {
        refundFailures.add(new RefundFailureView(event.failureCode(), event.message(), event.finalFailure(), stamp.at()));
        String failure = event.failureCode() + ": " + event.message();
        cover(ExternalSystem.PAYMENT, event.finalFailure() ? "FAILED" : "RETRYING", failure, stamp);
        milestone(stamp, "Refund failed, " + (event.finalFailure() ? "finally" : "will retry") + " (" + failure + ")");
    }

    void on(CreditMemoPosted event, EventStamp stamp) {
        system(ExternalSystem.ERP_CREDIT_MEMO, "POSTED", event.documentNumber(), event.amount().toString(), stamp);
        milestone(stamp, "Credit memo " + event.documentNumber() + " of " + event.amount() + " posted to the ERP");
    }

    void on(InventoryAdjusted event, EventStamp stamp) {
        line(event.orderLineId()).inventoryAdjusted(event.quantity());
        int toBook = lines.values().stream().filter(ReturnLineDraft::isInspected)
                .mapToInt(line -> line.receivedQuantity).sum();
        int booked = lines.values().stream().mapToInt(line -> line.inventoryAdjustedQuantity).sum();
        system(ExternalSystem.ERP_INVENTORY, booked >= toBook ? "ADJUSTED" : "PARTIALLY_ADJUSTED",
                event.adjustmentId(), booked + " of " + toBook + " item(s) booked", stamp);
        milestone(stamp, "Inventory adjusted: " + event.quantity() + " x " + event.sku() + " " + event.disposition()
                + (event.locationId() == null ? "" : " at " + event.locationId()));
    }

    void on(LoyaltyAdjusted event, EventStamp stamp) {
        system(ExternalSystem.LOYALTY, "ADJUSTED", event.reference(), event.pointsReversed() + " point(s) reversed",
                stamp);
        milestone(stamp, event.pointsReversed() + " loyalty point(s) reversed");
    }

    void on(CustomerNotified event, EventStamp stamp) {
        system(ExternalSystem.CRM, "NOTIFIED", event.milestone(), "by " + event.channel(), stamp);
        milestone(stamp, "Customer notified by " + event.channel() + ": " + event.milestone());
    }

    void on(ReturnPutOnHold event, EventStamp stamp) {
        status = ReturnStatus.ON_HOLD;
        hold = new HoldView(event.reason(), event.system(), event.detail(), event.heldFrom(), stamp.at());
        if (event.system() != null) {
            cover(event.system(), FAILURES.contains(event.reason()) ? "FAILED" : "ON_HOLD", event.detail(), stamp);
        }
        milestone(stamp, "On hold for " + event.reason()
                + (event.system() == null ? "" : " (" + event.system() + ")") + ": " + event.detail());
    }

    void on(ReturnHoldResolved event, EventStamp stamp) {
        HoldView resolved = hold;
        status = event.resumedAs();
        hold = null;
        // a system the hold still covers is resolved; one that a resolved exception uncovered shows its own state
        if (resolved != null && resolved.system() != null && underlying.containsKey(resolved.system())
                && !coveredByException(resolved.system())) {
            ExternalSystem system = resolved.system();
            systems.put(system, new SystemStateView(system, "RESOLVED", normal(system).reference(),
                    event.decision() + " by " + event.resolvedBy(), stamp.at()));
            underlying.remove(system);
        }
        if (resolved != null && resolved.reason() == HoldReason.INSPECTION_MISMATCH
                && event.decision() == HoldDecision.RESUME) {
            lines.values().forEach(ReturnLineDraft::reviewed);
        }
        milestone(stamp, "Hold resolved by " + event.resolvedBy() + ": " + event.decision() + ", now "
                + event.resumedAs() + " (" + event.reason() + ")");
    }

    void on(FraudAssessed event, EventStamp stamp) {
        String signals = event.signals() == null || event.signals().isEmpty() ? ""
                : " (" + String.join(", ", event.signals()) + ")";
        system(ExternalSystem.FRAUD, event.reviewRequired() ? "REVIEW" : "ASSESSED", null,
                "score " + event.score() + signals, stamp);
        milestone(stamp, "Fraud score " + event.score() + signals
                + (event.reviewRequired() ? ": review required" : ": no review needed"));
    }

    void on(WarehouseAdvised event, EventStamp stamp) {
        // advice is sent while the parcel travels; a late report must not take back a receipt
        if (NOT_STARTED.equals(normal(ExternalSystem.WAREHOUSE).state())) {
            system(ExternalSystem.WAREHOUSE, "ADVISED", event.adviceReference(), "at " + event.locationId(), stamp);
        }
        milestone(stamp, "Warehouse " + event.locationId() + " advised of the parcel ("
                + event.adviceReference() + ")");
    }

    void on(RefundSettled event, EventStamp stamp) {
        settledAt = stamp.at();
        String reference = event.gatewayReference() == null ? gatewayReference : event.gatewayReference();
        system(ExternalSystem.PAYMENT, "SETTLED", reference, null, stamp);
        milestone(stamp, "Refund settled by the payment gateway (" + reference + ")");
    }

    /** An exchange: the replacement order takes the place of the money, so the return counts as refunded. */
    void on(ReplacementOrderCreated event, EventStamp stamp) {
        replacementOrderId = event.replacementOrderId();
        refundedAt = stamp.at();
        status = ReturnStatus.REFUNDED;
        system(ExternalSystem.ORDER, "REPLACEMENT_ORDERED", event.replacementOrderId(), null, stamp);
        system(ExternalSystem.PAYMENT, "NOT_REQUIRED", null,
                "exchanged through replacement order " + event.replacementOrderId(), stamp);
        milestone(stamp, "Replacement order " + event.replacementOrderId() + " created for the exchange");
    }

    void on(StepAttemptFailed event, EventStamp stamp) {
        ExternalSystem system = event.system() == null ? event.step().system() : event.system();
        cover(system, event.retryable() ? "RETRYING" : "FAILED",
                "attempt " + event.attempt() + " failed: " + event.failureCode(), stamp);
        milestone(stamp, event.stepKey() + " attempt " + event.attempt() + " failed at " + system + ": "
                + event.failureCode() + (event.message() == null ? "" : " (" + event.message() + ")")
                + (event.retryable() ? "" : ", not retryable"));
    }

    void on(ExceptionRaised event, EventStamp stamp) {
        ExternalSystem system = event.system() == null ? event.step().system() : event.system();
        openExceptions.removeIf(open -> open.exceptionId().equals(event.exceptionId()));
        openExceptions.add(new OpenExceptionView(event.exceptionId(), event.step(), event.stepKey(), system,
                event.failureCode(), event.message(), event.attempts(), stamp.at(), null));
        showExceptions(system, stamp, null);
        milestone(stamp, "Exception " + event.exceptionId() + ": " + failure(event.stepKey(), event.attempts(),
                event.failureCode(), event.message()) + "; waiting for operations");
    }

    void on(CaseOpened event, EventStamp stamp) {
        for (int i = 0; i < openExceptions.size(); i++) {
            OpenExceptionView open = openExceptions.get(i);
            if (open.exceptionId().equals(event.exceptionId())) {
                openExceptions.set(i, new OpenExceptionView(open.exceptionId(), open.step(), open.stepKey(),
                        open.system(), open.failureCode(), open.message(), open.attempts(), open.raisedAt(),
                        event.caseId()));
                showExceptions(ExternalSystem.CRM, stamp, null);
            }
        }
        milestone(stamp, "CRM case " + event.caseId() + " opened for exception " + event.exceptionId());
    }

    void on(ExceptionResolved event, EventStamp stamp) {
        OpenExceptionView resolved = openExceptions.stream()
                .filter(open -> open.exceptionId().equals(event.exceptionId())).findFirst().orElse(null);
        openExceptions.remove(resolved);
        String resolution = event.resolution() + " by " + event.resolvedBy() + " (" + event.exceptionId() + ")";
        ExternalSystem system = resolved == null ? event.step().system() : resolved.system();
        showExceptions(system, stamp, resolution);
        if (resolved != null && resolved.caseId() != null && system != ExternalSystem.CRM) {
            showExceptions(ExternalSystem.CRM, stamp, "case " + resolved.caseId() + ": " + resolution);
        }
        milestone(stamp, "Exception " + event.exceptionId() + " resolved by " + event.resolvedBy() + ": "
                + event.resolution() + " of " + event.stepKey());
    }

    void on(ReturnCancelled event, EventStamp stamp) {
        status = ReturnStatus.CANCELLED;
        milestone(stamp, "Cancelled by " + event.cancelledBy() + ": " + event.reason());
    }

    void on(ReturnDeclined event, EventStamp stamp) {
        status = ReturnStatus.REJECTED;
        hold = null;
        milestone(stamp, "Declined by " + event.declinedBy() + ": " + event.reason()
                + (event.note() == null ? "" : " (" + event.note() + ")"));
    }

    void on(GoodwillGranted event, EventStamp stamp) {
        milestone(stamp, "Goodwill exception by " + event.grantedBy() + ", policy overridden ("
                + event.override() + "): " + event.reason());
    }

    /** The text stays in {@code notes}; the timeline only says a note was written, and by whom. */
    void on(ReturnNoteAdded event, EventStamp stamp) {
        notes.removeIf(note -> note.noteId().equals(event.noteId()));
        notes.add(new NoteView(event.noteId(), event.author(), event.text(), stamp.at()));
        milestone(stamp, "Note by " + event.author());
    }

    void on(ReturnExpired event, EventStamp stamp) {
        status = ReturnStatus.EXPIRED;
        milestone(stamp, "Expired: the items were not received in time");
    }

    void on(ReturnCompleted event, EventStamp stamp) {
        status = ReturnStatus.COMPLETED;
        milestone(stamp, "Completed");
    }

    private ReturnLineDraft line(String orderLineId) {
        ReturnLineDraft line = lines.get(orderLineId);
        if (line == null) {
            throw new IllegalStateException("return " + returnId + " has no line " + orderLineId);
        }
        return line;
    }

    /** The normal flow reached a new state of the system: shown, unless an open exception or case covers it. */
    private void system(ExternalSystem system, String state, String reference, String detail, EventStamp stamp) {
        SystemStateView reached = new SystemStateView(system, state, reference, detail, stamp.at());
        if (coveredByException(system)) {
            underlying.put(system, reached);
        } else {
            systems.put(system, reached);
            underlying.remove(system);
        }
    }

    /** Something passing (a failed attempt, a hold) shown over the normal state until the flow moves on. */
    private void cover(ExternalSystem system, String state, String detail, EventStamp stamp) {
        if (coveredByException(system)) {
            return; // the open exception says more
        }
        SystemStateView normal = normal(system);
        underlying.putIfAbsent(system, systems.get(system));
        systems.put(system, new SystemStateView(system, state, normal.reference(), detail, stamp.at()));
    }

    /**
     * Shows what the open exceptions mean for the system: {@code FAILED} with the latest exception raised on
     * it, {@code CASE_OPENED} on the CRM with the latest case; once none is left, the state it would have had
     * without them ({@code RESOLVED} when that is {@code NOT_STARTED}).
     */
    private void showExceptions(ExternalSystem system, EventStamp stamp, String resolution) {
        Optional<OpenExceptionView> failed = latestOpen(open -> open.system() == system);
        Optional<OpenExceptionView> withCase = system == ExternalSystem.CRM
                ? latestOpen(open -> open.caseId() != null) : Optional.empty();
        if (failed.isPresent() || withCase.isPresent()) {
            SystemStateView normal = normal(system);
            underlying.putIfAbsent(system, systems.get(system));
            systems.put(system, failed.map(open -> new SystemStateView(system, "FAILED", normal.reference(),
                            open.exceptionId() + ": " + failure(open.stepKey(), open.attempts(), open.failureCode(),
                                    open.message()), stamp.at()))
                    .orElseGet(() -> new SystemStateView(system, "CASE_OPENED", withCase.get().caseId(),
                            "for exception " + withCase.get().exceptionId() + " (" + withCase.get().stepKey()
                                    + " failed)", stamp.at())));
            return;
        }
        SystemStateView normal = underlying.remove(system);
        if (normal != null) {
            systems.put(system, NOT_STARTED.equals(normal.state())
                    ? new SystemStateView(system, "RESOLVED", null, resolution, stamp.at())
                    : normal);
        }
    }

    private Optional<OpenExceptionView> latestOpen(Predicate<OpenExceptionView> filter) {
        OpenExceptionView latest = null;
        for (OpenExceptionView open : openExceptions) {
            if (filter.test(open)) {
                latest = open;
            }
        }
        return Optional.ofNullable(latest);
    }

    private boolean coveredByException(ExternalSystem system) {
        return openExceptions.stream().anyMatch(open -> open.system() == system
                || (system == ExternalSystem.CRM && open.caseId() != null));
    }

    /** Where the system's normal flow stands, whatever covers it. */
    private SystemStateView normal(ExternalSystem system) {
        return underlying.getOrDefault(system, systems.get(system));
    }

    private static String failure(String stepKey, int attempts, String failureCode, String message) {
        return stepKey + " failed" + (attempts > 0 ? " after " + attempts + " attempt(s)" : "") + ": " + failureCode
                + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private void milestone(EventStamp stamp, String description) {
        timeline.add(new TimelineEntry(stamp.at(), stamp.sequenceNumber(), stamp.eventName(), description));
        updatedAt = stamp.at();
        version = stamp.sequenceNumber();
    }

    private static String reasonCodes(List<LineDecision> decisions) {
        return decisions.stream().flatMap(decision -> decision.reasonCodes().stream()).distinct()
                .collect(Collectors.joining(", "));
    }
}
