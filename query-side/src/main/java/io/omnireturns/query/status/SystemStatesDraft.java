package io.omnireturns.query.status;

import io.omnireturns.api.query.HoldView;
import io.omnireturns.api.query.OpenExceptionView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldReason;
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
import io.omnireturns.api.returns.event.RefundTaxCalculated;
import io.omnireturns.api.returns.event.RefundTaxRequested;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What each external system shows on a return's status view, and the open exceptions that cover it: what each
 * return event means for the systems. Part of a {@link ReturnStatusDraft}, which passes every event on.
 * <p>
 * A system shows the state its normal flow reached, unless something covers it: a failed attempt or a hold
 * until the flow moves on, an open exception (the system shows {@code FAILED}) or an open CRM case (the CRM
 * shows {@code CASE_OPENED}) until the exception is resolved. While covered, the normal state is kept aside
 * ({@link #underlyingSystems()}, stored beside the view), so a resolved exception shows the state the system
 * would have had without it.
 */
@PlainJava
final class SystemStatesDraft {

    static final String NOT_STARTED = "NOT_STARTED";

    private static final Set<HoldReason> FAILURES =
            EnumSet.of(HoldReason.REFUND_FAILED, HoldReason.POSTING_FAILED, HoldReason.INTEGRATION_FAILURE);

    private final Map<ExternalSystem, SystemStateView> systems = new EnumMap<>(ExternalSystem.class);
    /** The normal state of each system that something else covers in {@link #systems}. */
    private final Map<ExternalSystem, SystemStateView> underlying = new EnumMap<>(ExternalSystem.class);
    private final List<OpenExceptionView> openExceptions = new ArrayList<>();

    /**
     * Every system not started, no exception open. The tax service is shown only for a return that asks it (most
     * keep the order's proportional share of tax and never do), so views stored before it existed stay as they were.
     */
    SystemStatesDraft() {
        for (ExternalSystem system : ExternalSystem.values()) {
            if (system != ExternalSystem.TAX) {
                systems.put(system, notStarted(system));
            }
        }
    }

    private static SystemStateView notStarted(ExternalSystem system) {
        return new SystemStateView(system, NOT_STARTED, null, null, null);
    }

    /** Opens the stored states: those shown, those kept aside under them, and the open exceptions. */
    static SystemStatesDraft of(List<SystemStateView> shown, List<SystemStateView> underlyingSystems,
                                List<OpenExceptionView> openExceptions) {
        SystemStatesDraft draft = new SystemStatesDraft();
        shown.forEach(system -> draft.systems.put(system.system(), system));
        underlyingSystems.forEach(system -> draft.underlying.put(system.system(), system));
        draft.openExceptions.addAll(openExceptions);
        return draft;
    }

    List<SystemStateView> shown() {
        return List.copyOf(systems.values());
    }

    /** The normal states that something covers in the view; stored beside it, never shown. */
    List<SystemStateView> underlyingSystems() {
        return List.copyOf(underlying.values());
    }

    List<OpenExceptionView> openExceptions() {
        return openExceptions;
    }

    void on(ReturnRequested event, EventStamp stamp) {
        reached(ExternalSystem.ORDER, "LOOKED_UP", event.orderId(), null, stamp);
    }

    void on(ReturnLabelIssued event, EventStamp stamp) {
        reached(ExternalSystem.CARRIER, "LABEL_ISSUED", event.trackingNumber(), event.carrier(), stamp);
    }

    void on(ReturnParcelInTransit event, EventStamp stamp) {
        reached(ExternalSystem.CARRIER, "IN_TRANSIT", event.trackingNumber(), event.carrier(), stamp);
    }

    void on(ReturnItemsReceived event, EventStamp stamp) {
        if (!NOT_STARTED.equals(normal(ExternalSystem.CARRIER).state())) {
            SystemStateView carrier = normal(ExternalSystem.CARRIER);
            reached(ExternalSystem.CARRIER, "DELIVERED", carrier.reference(), carrier.detail(), stamp);
        }
        reached(ExternalSystem.WAREHOUSE, "RECEIVED", event.receiptId(), "at " + event.locationId(), stamp);
    }

    void on(ReturnLinesInspected event, EventStamp stamp) {
        reached(ExternalSystem.WAREHOUSE, "INSPECTING", event.inspectionId(), null, stamp);
    }

    void on(ReturnInspectionCompleted event, EventStamp stamp) {
        reached(ExternalSystem.WAREHOUSE, "INSPECTED", normal(ExternalSystem.WAREHOUSE).reference(), null, stamp);
    }

    void on(WarehouseAdvised event, EventStamp stamp) {
        // advice is sent while the parcel travels; a late report must not take back a receipt
        if (NOT_STARTED.equals(normal(ExternalSystem.WAREHOUSE).state())) {
            reached(ExternalSystem.WAREHOUSE, "ADVISED", event.adviceReference(), "at " + event.locationId(), stamp);
        }
    }

    void on(FraudAssessed event, EventStamp stamp) {
        reached(ExternalSystem.FRAUD, event.reviewRequired() ? "REVIEW" : "ASSESSED", null,
                "score " + event.score() + TimelineWording.signals(event), stamp);
    }

    /** Nothing to pay: the payment gateway is not asked. */
    void on(RefundApproved event, EventStamp stamp) {
        if (event.breakdown().total().isZero()) {
            reached(ExternalSystem.PAYMENT, "NOT_REQUIRED", null, "nothing to refund", stamp);
        }
    }

    void on(RefundRequested event, EventStamp stamp) {
        reached(ExternalSystem.PAYMENT, "REQUESTED", event.idempotencyKey(), null, stamp);
    }

    void on(RefundIssued event, EventStamp stamp) {
        reached(ExternalSystem.PAYMENT, "REFUNDED", event.gatewayReference(), null, stamp);
    }

    void on(RefundFailed event, EventStamp stamp) {
        cover(ExternalSystem.PAYMENT, event.finalFailure() ? "FAILED" : "RETRYING",
                event.failureCode() + ": " + event.message(), stamp);
    }

    void on(RefundSettled event, String reference, EventStamp stamp) {
        reached(ExternalSystem.PAYMENT, "SETTLED", reference, null, stamp);
    }

    void on(ReplacementOrderCreated event, EventStamp stamp) {
        reached(ExternalSystem.ORDER, "REPLACEMENT_ORDERED", event.replacementOrderId(), null, stamp);
        reached(ExternalSystem.PAYMENT, "NOT_REQUIRED", null,
                "exchanged through replacement order " + event.replacementOrderId(), stamp);
    }

    void on(RefundTaxRequested event, EventStamp stamp) {
        reached(ExternalSystem.TAX, "REQUESTED", event.request().requestId(), String.join(", ", event.reasons()),
                stamp);
    }

    void on(RefundTaxCalculated event, EventStamp stamp) {
        reached(ExternalSystem.TAX, "CALCULATED", event.calculation().calculationId(), null, stamp);
    }

    void on(CreditMemoPosted event, EventStamp stamp) {
        reached(ExternalSystem.ERP_CREDIT_MEMO, "POSTED", event.documentNumber(), event.amount().toString(), stamp);
    }

    /** {@code booked} of the {@code toBook} items inspection leaves to book are booked. */
    void on(InventoryAdjusted event, int booked, int toBook, EventStamp stamp) {
        reached(ExternalSystem.ERP_INVENTORY, booked >= toBook ? "ADJUSTED" : "PARTIALLY_ADJUSTED",
                event.adjustmentId(), booked + " of " + toBook + " item(s) booked", stamp);
    }

    void on(LoyaltyAdjusted event, EventStamp stamp) {
        reached(ExternalSystem.LOYALTY, "ADJUSTED", event.reference(), event.pointsReversed() + " point(s) reversed",
                stamp);
    }

    void on(CustomerNotified event, EventStamp stamp) {
        reached(ExternalSystem.CRM, "NOTIFIED", event.milestone(), "by " + event.channel(), stamp);
    }

    /** A hold that names a system covers it: failed for a failure, on hold otherwise. */
    void on(ReturnPutOnHold event, EventStamp stamp) {
        if (event.system() != null) {
            cover(event.system(), FAILURES.contains(event.reason()) ? "FAILED" : "ON_HOLD", event.detail(), stamp);
        }
    }

    void on(StepAttemptFailed event, EventStamp stamp) {
        ExternalSystem system = event.system() == null ? event.step().system() : event.system();
        cover(system, event.retryable() ? "RETRYING" : "FAILED",
                "attempt " + event.attempt() + " failed: " + event.failureCode(), stamp);
    }

    /** The normal flow reached a new state of the system: shown, unless an open exception or case covers it. */
    private void reached(ExternalSystem system, String state, String reference, String detail, EventStamp stamp) {
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
        underlying.putIfAbsent(system, systems.getOrDefault(system, notStarted(system)));
        systems.put(system, new SystemStateView(system, state, normal.reference(), detail, stamp.at()));
    }

    /** A system the resolved hold still covers is resolved; one that a resolved exception uncovered shows its own. */
    void on(ReturnHoldResolved event, HoldView resolved, EventStamp stamp) {
        if (resolved != null && resolved.system() != null && underlying.containsKey(resolved.system())
                && !coveredByException(resolved.system())) {
            ExternalSystem system = resolved.system();
            systems.put(system, new SystemStateView(system, "RESOLVED", normal(system).reference(),
                    event.decision() + " by " + event.resolvedBy(), stamp.at()));
            underlying.remove(system);
        }
    }

    void on(ExceptionRaised event, EventStamp stamp) {
        ExternalSystem system = event.system() == null ? event.step().system() : event.system();
        openExceptions.removeIf(open -> open.exceptionId().equals(event.exceptionId()));
        openExceptions.add(new OpenExceptionView(event.exceptionId(), event.step(), event.stepKey(), system,
                event.failureCode(), event.message(), event.attempts(), stamp.at(), null));
        showExceptions(system, stamp, null);
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
    }

    /** Where the system's normal flow stands, whatever covers it. */
    private SystemStateView normal(ExternalSystem system) {
        return underlying.getOrDefault(system, systems.getOrDefault(system, notStarted(system)));
    }

    static String failure(String stepKey, int attempts, String failureCode, String message) {
        return stepKey + " failed" + (attempts > 0 ? " after " + attempts + " attempt(s)" : "") + ": " + failureCode
                + (message == null || message.isBlank() ? "" : ": " + message);
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
            underlying.putIfAbsent(system, systems.getOrDefault(system, notStarted(system)));
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
}
