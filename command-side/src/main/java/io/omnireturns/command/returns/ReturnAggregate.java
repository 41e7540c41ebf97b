package io.omnireturns.command.returns;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.PolicyOverride;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.AddReturnNote;
import io.omnireturns.api.returns.command.ApproveRefund;
import io.omnireturns.api.returns.command.CancelReturn;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.DeclineReturn;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.GrantGoodwill;
import io.omnireturns.api.returns.command.IssueReturnLabel;
import io.omnireturns.api.returns.command.PutReturnOnHold;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordCaseOpened;
import io.omnireturns.api.returns.command.RecordCreditMemoPosted;
import io.omnireturns.api.returns.command.RecordCustomerNotified;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.api.returns.command.RecordFraudAssessment;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordInventoryAdjusted;
import io.omnireturns.api.returns.command.RecordLoyaltyAdjusted;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.command.RecordRefundFailed;
import io.omnireturns.api.returns.command.RecordRefundIssued;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.api.returns.command.RecordRefundSettled;
import io.omnireturns.api.returns.command.RecordReplacementOrderCreated;
import io.omnireturns.api.returns.command.RecordStepFailure;
import io.omnireturns.api.returns.command.RecordWarehouseAdvised;
import io.omnireturns.api.returns.command.RequestReturn;
import io.omnireturns.api.returns.command.ResolveHold;
import io.omnireturns.api.returns.command.RetryException;
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
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.api.security.AccessScope;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static io.omnireturns.command.returns.ReturnErrors.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One return, from request to a terminal state. Each command handler asks the rule class of its job for the events
 * to apply and applies them; state changes only in the event sourcing handlers of {@link ReturnState}. The rules, by
 * job: {@link ReturnLifecycle} (request, eligibility, cancel, expire, status guards), {@link ReturnLogistics} (label,
 * parcel, receipts, inspections), {@link ReturnMoney} (refund, credit memo, stock, loyalty, exchange, completion),
 * {@link ReturnHolds} (holds, exceptions, fraud review) and {@link StaffDecisions} (decline, goodwill, notes). Every
 * refusal is a {@link DomainException} with a stable code, and a refused command applies no event. Every command
 * answers the status it leaves the return in.
 */
// snapshots store the aggregate's fields (all in ReturnState) as they are (no getters to hide behind)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Aggregate(snapshotTriggerDefinition = "returnSnapshotTrigger", cache = "aggregateCache",
        lockFactory = "aggregateLocks")
// 2: storeId and customerId joined the state; snapshots of revision 1 lack them and are passed over (rebuilt from events)
@Revision("2")
public class ReturnAggregate extends ReturnState {

    private static final Set<ReturnStatus> BEFORE_RECEIPT =
            EnumSet.of(ReturnStatus.REQUESTED, ReturnStatus.AUTHORIZED, ReturnStatus.IN_TRANSIT);
    private static final Set<ReturnStatus> AWAITING_PARCEL = EnumSet.of(ReturnStatus.AUTHORIZED, ReturnStatus.IN_TRANSIT);

    protected ReturnAggregate() {
        // for Axon
    }

    /**
     * A command sent for a scoped caller (a store associate, a channel acting for one customer) reaches this return
     * only when the return is inside that scope; outside it the return answers as if it did not exist, so a store
     * cannot even learn that another store's return id is valid.
     */
    @CommandHandlerInterceptor
    public Object enforceCallerScope(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        var scope = AccessScope.fromMetadata(command.getMetaData());
        if (scope.isPresent() && !scope.get().permits(storeId, customerId)) {
            throw new DomainException(ErrorKind.NOT_FOUND, RETURN_NOT_FOUND, "no return with id " + returnId);
        }
        return chain.proceed();
    }

    @CommandHandler
    public ReturnAggregate(RequestReturn command) {
        apply(ReturnLifecycle.request(command));
    }

    /** Answers the status after the decision; deciding an already decided return changes nothing. */
    @CommandHandler
    public ReturnStatus handle(RecordEligibilityDecision command) {
        return applyAll(ReturnLifecycle.decideEligibility(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(IssueReturnLabel command) {
        return applyAll(ReturnLogistics.issueLabel(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordParcelInTransit command) {
        return applyAll(ReturnLogistics.parcelInTransit(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordReceipt command) {
        if (receiptIds.contains(command.receiptId())) {
            return status; // the same receipt delivered twice
        }
        ReturnItemsReceived receipt = ReturnLogistics.receipt(command, this);
        apply(receipt);
        return applyAll(ReturnHolds.forWrongItems(receipt, status)); // held from where the receipt left it
    }

    @CommandHandler
    public ReturnStatus handle(RecordInspection command) {
        if (inspectionIds.contains(command.inspectionId())) {
            return status;
        }
        ReturnLinesInspected inspection = ReturnLogistics.inspection(command, this);
        apply(inspection);
        applyAll(ReturnLogistics.completion(inspection, this)); // decided on the lines as the inspection left them
        return applyAll(ReturnHolds.forManualReview(inspection, status));
    }

    @CommandHandler
    public ReturnStatus handle(ApproveRefund command) {
        return applyAll(ReturnMoney.approve(command, this));
    }

    /**
     * Whether its refund is decided: approved, or refused by the order's ledger under {@code decisionKey} and not yet
     * resolved. Read by {@code RefundDecision}, which decides across this return and its order's ledger.
     */
    public boolean refundDecided(String decisionKey) {
        return approvedRefund != null
                || openExceptions.values().stream().anyMatch(open -> decisionKey.equals(open.stepKey()));
    }

    /** Whether a goodwill exception waives the policy's deductions; read by {@code RefundDecision}. */
    public boolean deductionsWaived() {
        return goodwillReason != null;
    }

    @CommandHandler
    public ReturnStatus handle(RecordRefundRequested command) {
        return applyAll(ReturnMoney.refundRequested(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordRefundIssued command) {
        return applyAll(ReturnMoney.refundIssued(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordRefundFailed command) {
        return applyAll(ReturnMoney.refundFailed(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordRefundSettled command) {
        return applyAll(ReturnMoney.refundSettled(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordCreditMemoPosted command) {
        return applyAll(ReturnMoney.creditMemoPosted(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordInventoryAdjusted command) {
        return applyAll(ReturnMoney.inventoryAdjusted(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordLoyaltyAdjusted command) {
        return applyAll(ReturnMoney.loyaltyAdjusted(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordReplacementOrderCreated command) {
        return applyAll(ReturnMoney.replacementOrderCreated(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(CompleteReturn command) {
        return applyAll(ReturnMoney.complete(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordCustomerNotified command) {
        if (!notifiedMilestones.contains(command.milestone())) {
            apply(new CustomerNotified(returnId, command.milestone(), command.channel()));
        }
        return status;
    }

    @CommandHandler
    public ReturnStatus handle(RecordWarehouseAdvised command) {
        return applyAll(ReturnLogistics.warehouseAdvised(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordFraudAssessment command) {
        return applyAll(ReturnHolds.fraudAssessed(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(PutReturnOnHold command) {
        return applyAll(ReturnHolds.putOnHold(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(ResolveHold command) {
        return applyAll(ReturnHolds.resolve(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordStepFailure command) {
        apply(new StepAttemptFailed(returnId, command.step(), command.stepKey(), command.step().system(),
                command.failureCode(), command.message(), command.retryable(), command.attempt()));
        return status;
    }

    @CommandHandler
    public ReturnStatus handle(RaiseException command) {
        return applyAll(ReturnHolds.raise(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RetryException command) {
        return applyAll(ReturnHolds.retry(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordCaseOpened command) {
        return applyAll(ReturnHolds.caseOpened(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(CancelReturn command) {
        return applyAll(ReturnLifecycle.cancel(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(ExpireReturn command) {
        return applyAll(ReturnLifecycle.expire(command, this));
    }

    /** Declined by a person before any refund is decided: terminal, like a rejection (see {@link StaffDecisions}). */
    @CommandHandler
    public ReturnStatus handle(DeclineReturn command) {
        StaffDecisions.checkDeclineInput(command.reason(), command.note());
        if (declineReason != null && declineReason == command.reason() && Objects.equals(declineNote, command.note())) {
            return status; // the same decline again
        }
        StaffDecisions.checkDeclinable(status, heldFrom, approvedRefund != null);
        resolveOpenExceptions("DECLINE", command.declinedBy());
        apply(new ReturnDeclined(returnId, orderId, command.reason(), command.note(), command.declinedBy(), status));
        return status;
    }

    /** Goodwill sets the refund policy's deductions aside; the refund decided afterwards follows it. */
    @CommandHandler
    public ReturnStatus handle(GrantGoodwill command) {
        if (goodwillReason != null && goodwillReason.equals(command.reason())) {
            return status; // the same grant again
        }
        if (goodwillReason != null) {
            throw illegalState(GOODWILL_ALREADY_GRANTED, "goodwill was already granted on this return");
        }
        StaffDecisions.checkGoodwillAllowed(status, heldFrom, approvedRefund != null, command.reason());
        apply(new GoodwillGranted(returnId, PolicyOverride.DEDUCTIONS_WAIVED, command.reason(), command.grantedBy()));
        return status;
    }

    /** A note changes nothing but the record; it may be written at any time, also after the return ended. */
    @CommandHandler
    public ReturnStatus handle(AddReturnNote command) {
        StaffDecisions.checkNote(command.noteId(), command.text());
        if (StaffDecisions.isRepeatOf(noteTextHashes.get(command.noteId()), command.text())) {
            return status;
        }
        StaffDecisions.checkRoomForNote(noteTextHashes.size());
        apply(new ReturnNoteAdded(returnId, command.noteId(), command.text(), command.author()));
        return status;
    }

    private void resolveOpenExceptions(String resolution, String resolvedBy) {
        for (ExceptionRaised open : List.copyOf(openExceptions.values())) {
            apply(new ExceptionResolved(returnId, open.exceptionId(), open.step(), open.stepKey(), resolution,
                    resolvedBy));
        }
    }

    private void requireStatus(String action, ReturnStatus... allowed) {
        for (ReturnStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        if (status.isTerminal()) {
            throw illegalState(RETURN_IS_TERMINAL, "cannot " + action + " a return that is " + status);
        }
        throw illegalTransition(action, status);
    }

    private void requireNotTerminal(String action) {
        if (status.isTerminal()) {
            throw illegalState(RETURN_IS_TERMINAL, "cannot " + action + " a return that is " + status);
        }
    }

    private void requireApprovedRefund() {
        if (approvedRefund == null) {
            throw illegalState(REFUND_NOT_APPROVED, "the refund of this return is not decided yet");
        }
    }

    private void requireRefundAmount(Money amount) {
        if (!amount.equals(approvedRefund.total())) {
            throw rule(REFUND_AMOUNT_MISMATCH, "amount " + amount + " differs from the approved refund "
                    + approvedRefund.total());
        }
    }

    /** Applies in order: each event is sourced before the next is applied. */
    private ReturnStatus applyAll(List<Object> events) {
        events.forEach(AggregateLifecycle::apply);
        return status;
    }
}
