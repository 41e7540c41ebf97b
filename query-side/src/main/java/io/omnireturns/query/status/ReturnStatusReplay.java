package io.omnireturns.query.status;

import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.ClawbackChargeFailed;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.LoyaltyPointsRestored;
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
import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.platform.architecture.PlainJava;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One return's status view rebuilt from its events alone, with the same draft the projection uses and by the same
 * rules: the first view comes from {@link ReturnRequested}, an event at or below the view's version changes
 * nothing, and an event before the request cannot be applied. Auditors get a return's state as of an instant from
 * it, operations the expected view to compare the stored one with; neither touches the stored view.
 * <p>
 * It knows nothing of Axon, Spring or SQL: the caller reads and upcasts the events and hands them over in order.
 */
@PlainJava
public final class ReturnStatusReplay {

    /** What each event after the request does to the view. */
    private static final Map<Class<?>, Change<?>> CHANGES = changes();
    private static final Set<Class<?>> VIEW_EVENT_TYPES = viewEventTypes(CHANGES.keySet());

    private final String returnId;
    private ReturnStatusDraft draft;

    public ReturnStatusReplay(String returnId) {
        this.returnId = returnId;
    }

    /** The event types the status view is built from (the projection handles exactly these). */
    public static Set<Class<?>> viewEventTypes() {
        return VIEW_EVENT_TYPES;
    }

    /**
     * Applies the return's next event as the projection would. Events the view does not show pass by.
     *
     * @throws IllegalStateException for an event of another return, or one that comes before the request
     */
    public void apply(ReturnEvent event, long sequenceNumber, Instant timestamp) {
        if (!event.returnId().equals(returnId)) {
            throw new IllegalStateException("event " + event.getClass().getSimpleName() + " of return "
                    + event.returnId() + " in the replay of return " + returnId);
        }
        EventStamp stamp = new EventStamp(sequenceNumber, timestamp, event.getClass().getSimpleName());
        if (event instanceof ReturnRequested requested) {
            if (draft == null) {
                draft = ReturnStatusDraft.requested(requested, stamp);
            }
            return; // a repeated request changes nothing, as in the projection
        }
        Change<?> change = CHANGES.get(event.getClass());
        if (change == null) {
            return;
        }
        if (draft == null) {
            throw new IllegalStateException("no status view for return " + returnId + " to apply "
                    + stamp.eventName() + " #" + sequenceNumber + " to");
        }
        if (draft.version() >= sequenceNumber) {
            return; // already applied
        }
        apply(change, event, stamp);
    }

    /** The view after the events applied so far; empty until the return was requested. */
    public Optional<ReturnStatusView> view() {
        return Optional.ofNullable(draft).map(ReturnStatusDraft::toView);
    }

    /** The normal states of the systems the view shows covered, as the projection stores them beside the view. */
    public List<SystemStateView> underlyingSystems() {
        return draft == null ? List.of() : draft.underlyingSystems();
    }

    @SuppressWarnings("unchecked")
    private <E> void apply(Change<E> change, Object event, EventStamp stamp) {
        change.apply(draft, (E) event, stamp);
    }

    private static Map<Class<?>, Change<?>> changes() {
        Map<Class<?>, Change<?>> changes = new HashMap<>();
        put(changes, ReturnAuthorized.class, ReturnStatusDraft::on);
        put(changes, ReturnRejected.class, ReturnStatusDraft::on);
        put(changes, ReturnLabelIssued.class, ReturnStatusDraft::on);
        put(changes, ReturnParcelInTransit.class, ReturnStatusDraft::on);
        put(changes, ReturnItemsReceived.class, ReturnStatusDraft::on);
        put(changes, ReturnLinesInspected.class, ReturnStatusDraft::on);
        put(changes, ReturnInspectionCompleted.class, ReturnStatusDraft::on);
        put(changes, RefundApproved.class, ReturnStatusDraft::on);
        put(changes, RefundRequested.class, ReturnStatusDraft::on);
        put(changes, RefundIssued.class, ReturnStatusDraft::on);
        put(changes, RefundFailed.class, ReturnStatusDraft::on);
        put(changes, CreditMemoPosted.class, ReturnStatusDraft::on);
        put(changes, RefundTaxRequested.class, ReturnStatusDraft::on);
        put(changes, RefundTaxCalculated.class, ReturnStatusDraft::on);
        put(changes, RefundTaxApplied.class, ReturnStatusDraft::on);
        put(changes, InventoryAdjusted.class, ReturnStatusDraft::on);
        put(changes, LoyaltyAdjusted.class, ReturnStatusDraft::on);
        put(changes, CustomerNotified.class, ReturnStatusDraft::on);
        put(changes, ReturnPutOnHold.class, ReturnStatusDraft::on);
        put(changes, ReturnHoldResolved.class, ReturnStatusDraft::on);
        put(changes, FraudAssessed.class, ReturnStatusDraft::on);
        put(changes, WarehouseAdvised.class, ReturnStatusDraft::on);
        put(changes, RefundSettled.class, ReturnStatusDraft::on);
        put(changes, ReplacementOrderCreated.class, ReturnStatusDraft::on);
        put(changes, StepAttemptFailed.class, ReturnStatusDraft::on);
        put(changes, ExceptionRaised.class, ReturnStatusDraft::on);
        put(changes, CaseOpened.class, ReturnStatusDraft::on);
        put(changes, ExceptionResolved.class, ReturnStatusDraft::on);
        put(changes, ReturnCancelled.class, ReturnStatusDraft::on);
        put(changes, ReturnExpired.class, ReturnStatusDraft::on);
        put(changes, ReturnDeclined.class, ReturnStatusDraft::on);
        put(changes, GoodwillGranted.class, ReturnStatusDraft::on);
        put(changes, ReturnLinesKept.class, ReturnStatusDraft::on);
        put(changes, CustomerTrustAssessed.class, ReturnStatusDraft::on);
        put(changes, ReturnNoteAdded.class, ReturnStatusDraft::on);
        put(changes, ReturnCompleted.class, ReturnStatusDraft::on);
        put(changes, EarlyRefundGranted.class, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
        put(changes, ClawbackDecided.class, (draft, e, stamp) -> draft.told(stamp,
                InstantRefundWording.of(e, draft.isExchange())));
        put(changes, ClawbackCharged.class, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
        put(changes, EarlyExchangeGranted.class, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
        put(changes, ClawbackMemoPosted.class, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
        put(changes, LoyaltyPointsRestored.class, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
        put(changes, ClawbackChargeFailed.class, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
        return Map.copyOf(changes);
    }

    private static Set<Class<?>> viewEventTypes(Set<Class<?>> changing) {
        Set<Class<?>> types = new HashSet<>(changing);
        types.add(ReturnRequested.class);
        return Set.copyOf(types);
    }

    private static <E extends ReturnEvent> void put(Map<Class<?>, Change<?>> changes, Class<E> type, Change<E> change) {
        changes.put(type, change);
    }

    @FunctionalInterface
    private interface Change<E> {
        void apply(ReturnStatusDraft draft, E event, EventStamp stamp);
    }
}
