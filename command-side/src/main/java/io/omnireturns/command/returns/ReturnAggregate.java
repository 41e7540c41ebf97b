package io.omnireturns.command.returns;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.command.ApproveEarlyRefund;
import io.omnireturns.api.returns.command.RecordClawbackCharged;
import io.omnireturns.api.returns.command.RecordClawbackMemoPosted;
import io.omnireturns.api.returns.command.RecordClawbackDecision;
import io.omnireturns.api.returns.command.AddReturnNote;
import io.omnireturns.api.returns.command.ApproveRefund;
import io.omnireturns.api.returns.command.CancelReturn;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.DeclineReturn;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.GrantGoodwill;
import io.omnireturns.api.returns.command.IssueReturnLabel;
import io.omnireturns.api.returns.command.KeepLines;
import io.omnireturns.api.returns.command.MarkGiftReturn;
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
import io.omnireturns.api.returns.command.RecordLoyaltyPointsRestored;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.command.RecordRefundFailed;
import io.omnireturns.api.returns.command.RecordGiftCardIssued;
import io.omnireturns.api.returns.command.RecordRefundIssued;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.api.returns.command.RecordRefundTax;
import io.omnireturns.api.returns.command.RecordRefundTaxApplied;
import io.omnireturns.api.returns.command.RecordRefundSettled;
import io.omnireturns.api.returns.command.RecordReplacementOrderCreated;
import io.omnireturns.api.returns.command.RecordStepFailure;
import io.omnireturns.api.returns.command.RecordTrustAssessment;
import io.omnireturns.api.returns.command.AgreeSettlementTerms;
import io.omnireturns.api.returns.command.DecideExchangeDifference;
import io.omnireturns.api.returns.command.RecordDifferenceCharged;
import io.omnireturns.api.returns.command.GrantStoreCreditBonus;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import io.omnireturns.api.returns.command.RecordWarehouseAdvised;
import io.omnireturns.api.returns.command.RequestRefundTax;
import io.omnireturns.api.returns.command.RequestReturn;
import io.omnireturns.api.returns.command.ResolveHold;
import io.omnireturns.api.returns.command.RetryException;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.security.AccessScope;
import io.omnireturns.command.StoredFieldByField;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static io.omnireturns.command.returns.ReturnErrors.RETURN_NOT_FOUND;
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
@StoredFieldByField
@Aggregate(snapshotTriggerDefinition = "returnSnapshotTrigger", cache = "aggregateCache",
        lockFactory = "aggregateLocks")
// 2: storeId and customerId joined the state; snapshots of revision 1 lack them and are passed over (rebuilt from events)
// 3: the hold's reason joined the state; snapshots of revision 2 lack it and are passed over (rebuilt from events)
@Revision("3")
public class ReturnAggregate extends InstantRefundState {

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
    public ReturnStatus handle(KeepLines command) {
        return applyAll(ReturnOptions.keep(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(MarkGiftReturn command) {
        return applyAll(ReturnOptions.gift(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordTrustAssessment command) {
        return applyAll(ReturnOptions.trust(command, this));
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
    public ReturnStatus handle(RequestRefundTax command) {
        return applyAll(ReturnTax.request(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordRefundTax command) {
        return applyAll(ReturnTax.calculated(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordRefundTaxApplied command) {
        return applyAll(ReturnTax.applied(command, this));
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
    public ReturnStatus handle(RecordGiftCardIssued command) {
        return applyAll(ReturnOptions.giftCardIssued(command, this));
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
        applyAll(ReturnInstantRefund.onStepFailure(command, this));
        return applyAll(ReturnExchange.onStepFailure(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(ApproveEarlyRefund command) {
        return applyAll(ReturnInstantRefund.approve(command, this));
    }

    /** The customer's trust tier as assessed at the request; null when it was not. */
    public TrustTier trustTier() {
        return trustTier;
    }

    @CommandHandler
    public ReturnStatus handle(RecordClawbackDecision command) {
        return applyAll(ReturnInstantRefund.clawback(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordClawbackCharged command) {
        return applyAll(ReturnInstantRefund.charged(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordClawbackMemoPosted command) {
        return applyAll(ReturnInstantRefund.clawbackMemoPosted(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordLoyaltyPointsRestored command) {
        return applyAll(ReturnInstantRefund.loyaltyRestored(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(AgreeSettlementTerms command) {
        return applyAll(ReturnExchange.agreeTerms(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(DecideExchangeDifference command) {
        return applyAll(ReturnExchange.decideDifference(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(GrantStoreCreditBonus command) {
        return applyAll(ReturnExchange.grantStoreCreditBonus(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(RecordDifferenceCharged command) {
        return applyAll(ReturnExchange.differenceCharged(command, this));
    }

    /** The terms the return was requested on, if any; read by {@code RefundDecision}. */
    public SettlementTermsAgreed settlementTerms() {
        return settlementTerms;
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

    @CommandHandler
    public ReturnStatus handle(DeclineReturn command) {
        return applyAll(StaffDecisions.decline(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(GrantGoodwill command) {
        return applyAll(StaffDecisions.grantGoodwill(command, this));
    }

    @CommandHandler
    public ReturnStatus handle(AddReturnNote command) {
        return applyAll(StaffDecisions.addNote(command, this));
    }

    /** Applies in order: each event is sourced before the next is applied. */
    private ReturnStatus applyAll(List<Object> events) {
        events.forEach(AggregateLifecycle::apply);
        return status;
    }
}
