package io.omnireturns.command.orchestration;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.ledger.AllocateRefund;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.ApproveRefund;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.command.connectors.carrier.LabelRequest;
import io.omnireturns.command.connectors.crm.CaseRequest;
import io.omnireturns.command.connectors.crm.CustomerNotification;
import io.omnireturns.command.connectors.erp.CreditMemoRequest;
import io.omnireturns.command.connectors.erp.InventoryAdjustmentRequest;
import io.omnireturns.command.connectors.fraud.FraudCheck;
import io.omnireturns.command.connectors.loyalty.PointsReversalRequest;
import io.omnireturns.command.connectors.orders.ReplacementRequest;
import io.omnireturns.command.connectors.payments.RefundInstruction;
import io.omnireturns.command.connectors.warehouse.ReceiptAdvice;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives one return through every system, for every channel: mail-back (fraud check, label, warehouse advice,
 * wait for the parcel with an expiry), store (counter receipt and inspection), and exchange (replacement order
 * instead of money). Remote calls go to the {@link StepExecutor} and come back as events on the return; each
 * call is guarded by a persistent timeout, retried with backoff, and after its last attempt the return goes
 * ON_HOLD in the exception queue with a CRM case. Every call carries an idempotency key derived from the
 * return and the step, so retries, redeliveries and restarts never repeat a financial effect.
 *
 * <p>Kept state is plain (ids, what is done, what is pending) and serialized with Jackson.
 */
@Saga
@ProcessingGroup("return-process")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReturnProcessSaga {

    static final String RETURN_ID = "returnId";
    static final String STEP_TIMEOUT = "step-timeout";
    static final String STEP_RETRY = "step-retry";
    static final String RECEIPT_EXPIRY = "receipt-expiry";
    static final String SETTLEMENT_SLA = "settlement-sla";
    static final String DECISION_TIMEOUT = "decision-timeout";

    static final String AUTHORIZED = "AUTHORIZED";
    static final String LABEL_ISSUED = "LABEL_ISSUED";
    static final String RECEIVED = "RECEIVED";
    static final String REFUNDED = "REFUNDED";
    static final String COMPLETED = "COMPLETED";
    private static final Set<String> FINAL_MILESTONES = Set.of(COMPLETED, "REJECTED", "CANCELLED", "EXPIRED");
    private static final String SETTLEMENT = "REFUND_SETTLEMENT";
    private static final String REFUND_DECISION = "REFUND_DECISION";

    private static final Logger log = LoggerFactory.getLogger(ReturnProcessSaga.class);

    /** What the process remembers of one return line. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    public static final class Item {
        String sku;
        Money unitPrice;
        int authorized;
        int received;
        String replacementSku;
        String disposition;
        boolean inspected;
    }

    /** A deadline's payload: which step, which attempt. */
    public record StepTimer(String stepKey, int attempt) {
    }

    private String returnId;
    private String orderId;
    private String customerId;
    private SalesChannel channel;
    private String storeId;
    private RefundMethod refundMethod;
    private String destinationLocationId;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private String receivingLocationId;
    private String trackingNumber;
    private ReturnInspectionCompleted inspection;
    private RefundBreakdown refund;

    private boolean fraudCleared;
    private boolean sentOnItsWay;
    private boolean refundDecided;
    private boolean paid;
    private boolean paidThroughGateway;
    private boolean settled;
    private boolean creditMemoPosted;
    private boolean loyaltyDone;
    private boolean completionRequested;
    private boolean refundRequested;
    private final Set<String> inventoryDone = new HashSet<>();
    private final Set<String> receiptIds = new HashSet<>();
    private final Set<String> notified = new HashSet<>();

    /** Step key -> attempt in flight. */
    private final Map<String, Integer> pending = new HashMap<>();
    /** Step key -> deadline id guarding it (timeout or retry). */
    private final Map<String, String> timers = new HashMap<>();
    /** Step keys that ended in the exception queue, to run again when operations say so. */
    private final Set<String> escalated = new HashSet<>();
    private String expiryDeadlineId;
    private String settlementDeadlineId;
    private String decisionDeadlineId;

    // ---- request and eligibility -------------------------------------------------------------

    @StartSaga
    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnRequested event, DeadlineManager deadlines, ProcessProperties settings) {
        boolean redelivered = returnId != null;
        returnId = event.returnId();
        orderId = event.orderId();
        customerId = event.customerId();
        channel = event.channel();
        storeId = event.storeId();
        refundMethod = event.refundMethod();
        destinationLocationId = channel == SalesChannel.STORE ? storeId : event.order().fulfilmentLocationId();
        for (RequestedLine line : event.lines()) {
            Item item = new Item();
            OrderLine ordered = event.order().line(line.orderLineId()).orElseThrow();
            item.sku = ordered.sku();
            item.unitPrice = ordered.unitPrice();
            item.replacementSku = line.replacementSku();
            items.put(line.orderLineId(), item);
        }
        if (!redelivered) {
            // the request decides at once; this finishes its work should it crash first (OverdueDecision)
            decisionDeadlineId = deadlines.schedule(settings.decisionTimeout(), DECISION_TIMEOUT);
        }
    }

    @DeadlineHandler(deadlineName = DECISION_TIMEOUT)
    void decisionOverdue(DeadlineMessage<?> timeout, OverdueDecision decision) {
        decisionDeadlineId = null;
        decision.decide(returnId);
    }

    private void eligibilityDecided(DeadlineManager deadlines) {
        if (decisionDeadlineId != null) {
            deadlines.cancelSchedule(DECISION_TIMEOUT, decisionDeadlineId);
            decisionDeadlineId = null;
        }
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnAuthorized event, StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        eligibilityDecided(deadlines);
        if (authorizedItems() > 0) {
            return; // redelivered: the fraud check already ran
        }
        for (LineDecision decision : event.decisions()) {
            items.get(decision.orderLineId()).authorized = decision.authorizedQuantity();
        }
        run(StepKeys.FRAUD_CHECK, 1, steps, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(FraudAssessed event, StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        done(StepKeys.FRAUD_CHECK, deadlines);
        if (!event.reviewRequired()) {
            fraudCleared = true;
            sendOnItsWay(steps, deadlines, settings);
        }
    }

    /** Mail-back: label and warehouse advice, then wait for the parcel. Store: the counter takes over. */
    private void sendOnItsWay(StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        if (sentOnItsWay) {
            return;
        }
        sentOnItsWay = true;
        if (channel == SalesChannel.STORE) {
            notifyCustomer(AUTHORIZED, steps, deadlines, settings);
            if (items.values().stream().noneMatch(item -> item.received > 0)) {
                expiryDeadlineId = deadlines.schedule(settings.receiptExpiry(), RECEIPT_EXPIRY);
            }
        } else {
            run(StepKeys.ISSUE_LABEL, 1, steps, deadlines, settings);
            expiryDeadlineId = deadlines.schedule(settings.receiptExpiry(), RECEIPT_EXPIRY);
        }
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnLabelIssued event, StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        if (trackingNumber != null) {
            return; // redelivered: the warehouse is already advised
        }
        done(StepKeys.ISSUE_LABEL, deadlines);
        trackingNumber = event.trackingNumber();
        run(StepKeys.ADVISE_WAREHOUSE, 1, steps, deadlines, settings);
        notifyCustomer(LABEL_ISSUED, steps, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(WarehouseAdvised event, DeadlineManager deadlines) {
        done(StepKeys.ADVISE_WAREHOUSE, deadlines);
    }

    /** The first parameter of a handler is its payload: a payload-less deadline must not start with a resource. */
    @DeadlineHandler(deadlineName = RECEIPT_EXPIRY)
    void receiptExpired(DeadlineMessage<?> expiry, CommandGateway commands) {
        expiryDeadlineId = null;
        try {
            commands.sendAndWait(new ExpireReturn(returnId));
        } catch (DomainException notExpirable) {
            log.info("Return {} did not expire: {}", returnId, notExpirable.getMessage());
        }
    }

    // ---- receipt and inspection ----------------------------------------------------------------

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnItemsReceived event, StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        if (!receiptIds.add(event.receiptId())) {
            return; // redelivered: its items are counted already
        }
        receivingLocationId = event.locationId();
        for (ReceivedLine line : event.lines()) {
            Item item = items.get(line.orderLineId());
            if (!line.isWrongItem(item.sku)) {
                item.received += line.quantity();
            }
        }
        if (expiryDeadlineId != null && items.values().stream().anyMatch(item -> item.received > 0)) {
            deadlines.cancelSchedule(RECEIPT_EXPIRY, expiryDeadlineId);
            expiryDeadlineId = null;
        }
        notifyCustomer(RECEIVED, steps, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnLinesInspected event) {
        for (InspectedLine line : event.lines()) {
            Item item = items.get(line.orderLineId());
            item.inspected = true;
            item.disposition = line.disposition().name();
        }
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnInspectionCompleted event, CommandGateway commands) {
        inspection = event;
        if (!event.awaitingReview()) {
            decideRefund(commands);
        }
    }

    /** Rule 1: only now, after inspection. The order's ledger caps it by what other returns took back. */
    private void decideRefund(CommandGateway commands) {
        if (refundDecided || inspection == null) {
            return;
        }
        RefundBreakdown breakdown;
        try {
            breakdown = commands.sendAndWait(new AllocateRefund(orderId, returnId,
                    inspection.refundMethod(), inspection.refundableLines()));
        } catch (DomainException refused) {
            // the order's ledger will not pay this: a person must look, not a retry loop
            escalated.add(REFUND_DECISION);
            commands.sendAndWait(new RaiseException(returnId, ProcessStep.REFUND_PAYMENT, REFUND_DECISION,
                    refused.code(), refused.getMessage(), 1));
            return;
        }
        try {
            commands.sendAndWait(new ApproveRefund(returnId, breakdown));
        } catch (DomainException refused) {
            // already approved (redelivery) or put on hold meanwhile (decided again on resume)
            log.info("Refund of return {} not approved now: {}", returnId, refused.getMessage());
        }
    }

    // ---- money ---------------------------------------------------------------------------------

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(RefundApproved event, CommandGateway commands, StepExecutor steps, DeadlineManager deadlines,
            ProcessProperties settings) {
        if (refundDecided) {
            return; // redelivered: payment, replacement or postings are under way
        }
        refundDecided = true;
        refund = event.breakdown();
        if (refund.total().isZero()) {
            paid = true;
            startPostings(commands, steps, deadlines, settings);
        } else if (refundMethod == RefundMethod.EXCHANGE) {
            run(StepKeys.REPLACEMENT_ORDER, 1, steps, deadlines, settings);
        } else {
            requestRefund(commands);
        }
    }

    private void requestRefund(CommandGateway commands) {
        try {
            commands.sendAndWait(new RecordRefundRequested(returnId, paymentKey(), refund.total()));
        } catch (DomainException onHold) {
            // put on hold between approval and now: asked again when the hold is resolved
            log.info("Refund of return {} not requested now: {}", returnId, onHold.getMessage());
        }
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(RefundRequested event, StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        refundRequested = true;
        if (paid || pending.containsKey(StepKeys.REFUND_PAYMENT) || escalated.contains(StepKeys.REFUND_PAYMENT)) {
            return; // redelivered: the payment is in flight, in the exception queue, or done
        }
        run(StepKeys.REFUND_PAYMENT, 1, steps, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(RefundIssued event, CommandGateway commands, StepExecutor steps, DeadlineManager deadlines,
            ProcessProperties settings) {
        if (paidThroughGateway) {
            return; // redelivered: the postings are under way
        }
        done(StepKeys.REFUND_PAYMENT, deadlines);
        paid = true;
        paidThroughGateway = true;
        if (!settled && settlementDeadlineId == null) {
            settlementDeadlineId = deadlines.schedule(settings.settlementSla(), SETTLEMENT_SLA);
        }
        startPostings(commands, steps, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(RefundSettled event, CommandGateway commands, DeadlineManager deadlines) {
        settled = true;
        if (settlementDeadlineId != null) {
            deadlines.cancelSchedule(SETTLEMENT_SLA, settlementDeadlineId);
            settlementDeadlineId = null;
        }
        tryToComplete(commands);
    }

    @DeadlineHandler(deadlineName = SETTLEMENT_SLA)
    void settlementOverdue(DeadlineMessage<?> sla, CommandGateway commands) {
        settlementDeadlineId = null;
        if (!settled) {
            escalated.add(SETTLEMENT);
            commands.sendAndWait(new RaiseException(returnId, ProcessStep.REFUND_PAYMENT, SETTLEMENT,
                    "SETTLEMENT_OVERDUE", "the payment gateway has not settled the refund in time", 0));
        }
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReplacementOrderCreated event, CommandGateway commands, StepExecutor steps, DeadlineManager deadlines,
            ProcessProperties settings) {
        if (paid) {
            return; // redelivered: the postings are under way
        }
        done(StepKeys.REPLACEMENT_ORDER, deadlines);
        paid = true;
        startPostings(commands, steps, deadlines, settings);
    }

    /** Rule 5: the ERP hears of the refund only once it is final; stock moves by disposition. */
    private void startPostings(CommandGateway commands, StepExecutor steps, DeadlineManager deadlines,
                               ProcessProperties settings) {
        if (refund.total().isPositive()) {
            run(StepKeys.POST_CREDIT_MEMO, 1, steps, deadlines, settings);
        }
        items.forEach((lineId, item) -> {
            if (item.inspected && item.received > 0) {
                run(StepKeys.inventory(lineId), 1, steps, deadlines, settings);
            }
        });
        if (loyaltyApplies()) {
            run(StepKeys.REVERSE_LOYALTY, 1, steps, deadlines, settings);
        }
        notifyCustomer(REFUNDED, steps, deadlines, settings);
        tryToComplete(commands);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(CreditMemoPosted event, CommandGateway commands, DeadlineManager deadlines) {
        done(StepKeys.POST_CREDIT_MEMO, deadlines);
        creditMemoPosted = true;
        tryToComplete(commands);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(InventoryAdjusted event, CommandGateway commands, DeadlineManager deadlines) {
        done(StepKeys.inventory(event.orderLineId()), deadlines);
        inventoryDone.add(event.orderLineId());
        tryToComplete(commands);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(LoyaltyAdjusted event, CommandGateway commands, DeadlineManager deadlines) {
        done(StepKeys.REVERSE_LOYALTY, deadlines);
        loyaltyDone = true;
        tryToComplete(commands);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(CustomerNotified event, CommandGateway commands, DeadlineManager deadlines) {
        done(StepKeys.notification(event.milestone()), deadlines);
        notified.add(event.milestone());
        if (FINAL_MILESTONES.contains(event.milestone())) {
            cancelAllTimers(deadlines);
            SagaLifecycle.end();
            return;
        }
        tryToComplete(commands);
    }

    private void tryToComplete(CommandGateway commands) {
        boolean inventoryComplete = items.entrySet().stream()
                .filter(entry -> entry.getValue().inspected && entry.getValue().received > 0)
                .allMatch(entry -> inventoryDone.contains(entry.getKey()));
        boolean ready = paid
                && (!paidThroughGateway || settled)
                && (refund.total().isZero() || creditMemoPosted)
                && inventoryComplete
                && (!loyaltyApplies() || loyaltyDone)
                && notified.contains(REFUNDED);
        if (ready && !completionRequested) {
            completionRequested = true;
            try {
                commands.sendAndWait(new CompleteReturn(returnId));
            } catch (DomainException notYet) {
                completionRequested = false;
                log.info("Return {} not completed yet: {}", returnId, notYet.getMessage());
            }
        }
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnCompleted event, StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        notifyCustomer(COMPLETED, steps, deadlines, settings);
    }

    // ---- endings without refund ----------------------------------------------------------------

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnRejected event, StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        eligibilityDecided(deadlines);
        notifyCustomer("REJECTED", steps, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnCancelled event, StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        eligibilityDecided(deadlines);
        notifyCustomer("CANCELLED", steps, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnExpired event, StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        notifyCustomer("EXPIRED", steps, deadlines, settings);
    }

    // ---- holds and the exception queue ---------------------------------------------------------

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(StepAttemptFailed event, CommandGateway commands, DeadlineManager deadlines, ProcessProperties settings) {
        Integer inFlight = pending.get(event.stepKey());
        if (inFlight == null || inFlight != event.attempt()) {
            return; // a late report of an attempt already superseded or done
        }
        cancelTimer(event.stepKey(), deadlines);
        if (event.retryable() && event.attempt() < settings.stepMaxAttempts()) {
            int next = event.attempt() + 1;
            timers.put(event.stepKey(), deadlines.schedule(settings.backoffBefore(next), STEP_RETRY,
                    new StepTimer(event.stepKey(), next)));
        } else {
            escalate(event.stepKey(), event.step(), event.failureCode(), event.message(), event.attempt(), commands);
        }
    }

    private void escalate(String stepKey, ProcessStep step, String code, String message, int attempts,
                          CommandGateway commands) {
        pending.remove(stepKey);
        if (step == ProcessStep.OPEN_CASE) {
            // the exception is already visible in the queue; a failing CRM must not raise exceptions about itself
            log.warn("Could not open a CRM case for return {}: {} {}", returnId, code, message);
            return;
        }
        escalated.add(stepKey);
        commands.sendAndWait(new RaiseException(returnId, step, stepKey, code, message, attempts));
    }

    @DeadlineHandler(deadlineName = STEP_RETRY)
    void retryStep(StepTimer timer, StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        timers.remove(timer.stepKey());
        if (pending.containsKey(timer.stepKey())) {
            run(timer.stepKey(), timer.attempt(), steps, deadlines, settings);
        }
    }

    /** No answer in time: the call or its report got lost (a crash, a hung connection). Ask again. */
    @DeadlineHandler(deadlineName = STEP_TIMEOUT)
    void stepTimedOut(StepTimer timer, CommandGateway commands, StepExecutor steps, DeadlineManager deadlines,
                      ProcessProperties settings) {
        timers.remove(timer.stepKey());
        Integer inFlight = pending.get(timer.stepKey());
        if (inFlight == null || inFlight != timer.attempt()) {
            return;
        }
        if (timer.attempt() < settings.stepMaxAttempts()) {
            run(timer.stepKey(), timer.attempt() + 1, steps, deadlines, settings);
        } else {
            escalate(timer.stepKey(), StepKeys.stepOf(timer.stepKey()), "TIMEOUT",
                    "no answer after " + timer.attempt() + " attempts", timer.attempt(), commands);
        }
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ExceptionRaised event, StepExecutor steps, DeadlineManager deadlines, ProcessProperties settings) {
        run(StepKeys.openCase(event.exceptionId()), 1, steps, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(CaseOpened event, DeadlineManager deadlines) {
        done(StepKeys.openCase(event.exceptionId()), deadlines);
    }

    /** Retried from the exception queue, or resumed by a person: the failed step runs again, same key. */
    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ExceptionResolved event, CommandGateway commands, StepExecutor steps, DeadlineManager deadlines,
            ProcessProperties settings, OverdueDecision decision) {
        boolean runAgain = "RETRY".equals(event.resolution()) || HoldDecision.RESUME.name().equals(event.resolution());
        if (OverdueDecision.STEP_KEY.equals(event.stepKey())) {
            if (runAgain) {
                decision.decide(returnId); // raised by OverdueDecision, not escalated here; a repeat finds it decided
            }
            return;
        }
        if (!escalated.remove(event.stepKey()) || !runAgain) {
            return;
        }
        if (SETTLEMENT.equals(event.stepKey())) {
            if (!settled) {
                settlementDeadlineId = deadlines.schedule(settings.settlementSla(), SETTLEMENT_SLA);
            }
            tryToComplete(commands);
            return;
        }
        if (REFUND_DECISION.equals(event.stepKey())) {
            decideRefund(commands);
            return;
        }
        run(event.stepKey(), 1, steps, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnHoldResolved event, CommandGateway commands, StepExecutor steps, DeadlineManager deadlines,
            ProcessProperties settings) {
        if (event.decision() != HoldDecision.RESUME) {
            // rejected or cancelled on hold: the return publishes no ReturnRejected / ReturnCancelled for it
            notifyCustomer(event.resumedAs().name(), steps, deadlines, settings);
            return;
        }
        if (!fraudCleared && pending.isEmpty() && !escalated.contains(StepKeys.FRAUD_CHECK)
                && event.resumedAs() != ReturnStatus.REQUESTED) {
            fraudCleared = true; // a person reviewed the fraud signals and let the return go on
            sendOnItsWay(steps, deadlines, settings);
        }
        if (event.resumedAs() == ReturnStatus.INSPECTED) {
            decideRefund(commands);
        }
        if (refundDecided && !refundRequested && refund.total().isPositive() && refundMethod != RefundMethod.EXCHANGE) {
            requestRefund(commands);
        }
        if (event.resumedAs() == ReturnStatus.REFUND_PENDING && !paid && !pending.containsKey(StepKeys.REFUND_PAYMENT)) {
            run(StepKeys.REFUND_PAYMENT, 1, steps, deadlines, settings);
        }
        tryToComplete(commands);
    }

    // ---- running steps -------------------------------------------------------------------------

    private void notifyCustomer(String milestone, StepExecutor steps, DeadlineManager deadlines,
                                ProcessProperties settings) {
        String stepKey = StepKeys.notification(milestone);
        if (!notified.contains(milestone) && !pending.containsKey(stepKey) && !escalated.contains(stepKey)) {
            run(stepKey, 1, steps, deadlines, settings);
        }
    }

    private void run(String stepKey, int attempt, StepExecutor steps, DeadlineManager deadlines,
                     ProcessProperties settings) {
        cancelTimer(stepKey, deadlines);
        pending.put(stepKey, attempt);
        timers.put(stepKey, deadlines.schedule(settings.stepTimeout(), STEP_TIMEOUT, new StepTimer(stepKey, attempt)));
        StepCall call = callFor(stepKey, attempt);
        // the call leaves only once this decision is stored; if we crash first, the timeout asks again
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> steps.execute(call));
        } else {
            steps.execute(call);
        }
    }

    private void done(String stepKey, DeadlineManager deadlines) {
        pending.remove(stepKey);
        cancelTimer(stepKey, deadlines);
    }

    private void cancelTimer(String stepKey, DeadlineManager deadlines) {
        String timer = timers.remove(stepKey);
        if (timer != null) {
            deadlines.cancelSchedule(STEP_TIMEOUT, timer);
            deadlines.cancelSchedule(STEP_RETRY, timer);
        }
    }

    private void cancelAllTimers(DeadlineManager deadlines) {
        List.copyOf(timers.keySet()).forEach(key -> cancelTimer(key, deadlines));
        eligibilityDecided(deadlines); // a return rejected or cancelled on hold while REQUESTED was never decided
        if (expiryDeadlineId != null) {
            deadlines.cancelSchedule(RECEIPT_EXPIRY, expiryDeadlineId);
        }
        if (settlementDeadlineId != null) {
            deadlines.cancelSchedule(SETTLEMENT_SLA, settlementDeadlineId);
        }
    }

    private boolean loyaltyApplies() {
        return refundMethod != RefundMethod.EXCHANGE && refund != null && refund.total().isPositive();
    }

    /** One refund instruction per return, for ever: whatever happens, a gateway can pay it only once. */
    private String paymentKey() {
        return returnId + ":" + StepKeys.REFUND_PAYMENT;
    }

    private StepCall callFor(String stepKey, int attempt) {
        ProcessStep step = StepKeys.stepOf(stepKey);
        String key = returnId + ":" + stepKey;
        return switch (step) {
            case FRAUD_CHECK -> new StepCall.Fraud(returnId, stepKey, attempt,
                    new FraudCheck(returnId, orderId, customerId, channel, authorizedItems(), authorizedValue()));
            case ISSUE_LABEL -> new StepCall.Label(returnId, stepKey, attempt,
                    new LabelRequest(key, returnId, customerId, destinationLocationId, authorizedItems()));
            case ADVISE_WAREHOUSE -> new StepCall.Advice(returnId, stepKey, attempt,
                    new ReceiptAdvice(key, returnId, destinationLocationId, trackingNumber, expectedItems()));
            case REFUND_PAYMENT -> new StepCall.Refund(returnId, stepKey, attempt,
                    new RefundInstruction(paymentKey(), returnId, orderId, refund.tenders(), refund.total()));
            case REPLACEMENT_ORDER -> new StepCall.Replacement(returnId, stepKey, attempt,
                    new ReplacementRequest(key, returnId, orderId, customerId, replacementItems()));
            case POST_CREDIT_MEMO -> new StepCall.CreditMemo(returnId, stepKey, attempt,
                    new CreditMemoRequest(key, returnId, orderId, customerId, refund.lines(), refund.shippingRefund(),
                            refund.total()));
            case ADJUST_INVENTORY -> {
                String lineId = StepKeys.argumentOf(stepKey);
                Item item = items.get(lineId);
                yield new StepCall.Inventory(returnId, stepKey, attempt, new InventoryAdjustmentRequest(key, returnId,
                        lineId, item.sku, item.received, Disposition.valueOf(item.disposition),
                        receivingLocationId));
            }
            case REVERSE_LOYALTY -> new StepCall.Loyalty(returnId, stepKey, attempt,
                    new PointsReversalRequest(key, returnId, customerId, refund.total()));
            case NOTIFY_CUSTOMER -> {
                String milestone = StepKeys.argumentOf(stepKey);
                yield new StepCall.Notify(returnId, stepKey, attempt,
                        new CustomerNotification(key, returnId, customerId, milestone, Milestones.message(milestone)));
            }
            case OPEN_CASE -> {
                String exceptionId = StepKeys.argumentOf(stepKey);
                yield new StepCall.OpenCase(returnId, stepKey, attempt, exceptionId,
                        new CaseRequest(key, returnId, customerId, "RETURN_EXCEPTION",
                                "return " + returnId + " needs attention: exception " + exceptionId));
            }
            case DECIDE_ELIGIBILITY -> throw new IllegalStateException("eligibility is decided here, not called remotely");
        };
    }

    private int authorizedItems() {
        return items.values().stream().mapToInt(item -> item.authorized).sum();
    }

    private Money authorizedValue() {
        Money total = null;
        for (Item item : items.values()) {
            Money value = item.unitPrice.times(item.authorized);
            total = total == null ? value : total.plus(value);
        }
        return total;
    }

    private List<ReceiptAdvice.ExpectedItem> expectedItems() {
        return items.entrySet().stream()
                .filter(entry -> entry.getValue().authorized > 0)
                .map(entry -> new ReceiptAdvice.ExpectedItem(entry.getKey(), entry.getValue().sku,
                        entry.getValue().authorized))
                .toList();
    }

    private List<ReplacementRequest.Item> replacementItems() {
        return refund.lines().stream()
                .map(line -> new ReplacementRequest.Item(line.orderLineId(),
                        items.get(line.orderLineId()).replacementSku, line.quantity()))
                .toList();
    }
}
