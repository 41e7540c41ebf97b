package io.omnireturns.command.orchestration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.command.IssueReturnLabel;
import io.omnireturns.api.returns.command.RecordCaseOpened;
import io.omnireturns.api.returns.command.RecordCreditMemoPosted;
import io.omnireturns.api.returns.command.RecordCustomerNotified;
import io.omnireturns.api.returns.command.RecordFraudAssessment;
import io.omnireturns.api.returns.command.RecordInventoryAdjusted;
import io.omnireturns.api.returns.command.RecordLoyaltyAdjusted;
import io.omnireturns.api.returns.command.RecordLoyaltyPointsRestored;
import io.omnireturns.api.returns.command.RecordRefundIssued;
import io.omnireturns.api.returns.command.RecordRefundTax;
import io.omnireturns.api.returns.command.RecordReplacementOrderCreated;
import io.omnireturns.api.returns.command.RecordStepFailure;
import io.omnireturns.api.returns.command.RecordWarehouseAdvised;
import io.omnireturns.command.connectors.carrier.Carrier;
import io.omnireturns.command.connectors.carrier.ReturnLabel;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.ConnectorNames;
import io.omnireturns.command.connectors.crm.Crm;
import io.omnireturns.command.connectors.erp.CreditMemoReceipt;
import io.omnireturns.command.connectors.erp.DebitMemoReceipt;
import io.omnireturns.api.returns.command.RecordClawbackMemoPosted;
import io.omnireturns.command.connectors.erp.Erp;
import io.omnireturns.command.connectors.erp.InventoryReceipt;
import io.omnireturns.command.connectors.fraud.FraudAssessment;
import io.omnireturns.command.connectors.fraud.FraudScoring;
import io.omnireturns.command.connectors.loyalty.Loyalty;
import io.omnireturns.command.connectors.loyalty.PointsRestoration;
import io.omnireturns.command.connectors.loyalty.PointsReversal;
import io.omnireturns.command.connectors.orders.OrderSystem;
import io.omnireturns.command.connectors.payments.PaymentGateway;
import io.omnireturns.command.connectors.payments.ChargeReceipt;
import io.omnireturns.command.connectors.payments.GiftCardReceipt;
import io.omnireturns.api.returns.command.RecordGiftCardIssued;
import io.omnireturns.command.connectors.payments.RefundReceipt;
import io.omnireturns.api.returns.command.RecordClawbackCharged;
import io.omnireturns.api.returns.command.RecordDifferenceCharged;
import io.omnireturns.command.connectors.tax.TaxService;
import io.omnireturns.command.connectors.warehouse.Warehouse;
import io.omnireturns.platform.concurrent.DaemonThreads;
import io.omnireturns.platform.observability.ConnectorMeters;
import io.omnireturns.platform.observability.MdcHandlerInterceptor;
import io.omnireturns.platform.observability.MessageTracing;
import io.omnireturns.command.orchestration.engine.ProcessStore;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes the remote call of a step on its own thread pool, then tells the return what happened through the
 * {@link OutcomeRecorder}: the step's result command on success, {@link RecordStepFailure} on failure. The event
 * processor that asked has long moved on, so a slow payment gateway holds up only its own calls. A call asked for
 * with a delay (the back-off before a retry) waits on a scheduler, holding no thread.
 * <p>
 * The calls this node has accepted and not finished are its calls in flight. Every lease/3 it renews the lease of
 * those in flight longer than that ({@link ProcessStore#renewLeases}), so another node's sweeper does not take a
 * slow but live call over; when this node dies its leases run out and the sweeper of a survivor tries the steps
 * again with the same idempotency keys.
 * <p>
 * The call runs on another thread, outside the unit of work of the event that asked for it: the correlation data
 * of that event (correlation id, trace id, actor, trace context) come along, are put in the logging MDC during the
 * call (the HTTP adapters send them on as headers) and attached to the outcome command; the call runs in a span that
 * continues the event's trace. Each call is timed by outcome
 * ({@link ConnectorMeters#CALLS}), whatever adapter, sandbox or HTTP, makes it.
 */
@Component
public class AsyncStepExecutor implements StepExecutor, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AsyncStepExecutor.class);
    private static final Set<ProcessStep> MONEY_AND_STOCK = EnumSet.of(ProcessStep.REFUND_PAYMENT,
            ProcessStep.CHARGE_DIFFERENCE, ProcessStep.CLAWBACK_CHARGE,
            ProcessStep.REPLACEMENT_ORDER, ProcessStep.POST_CREDIT_MEMO, ProcessStep.CLAWBACK_MEMO,
            ProcessStep.ADJUST_INVENTORY);

    /** One attempt of one step of one return. */
    private record InFlight(String returnId, String stepKey, int attempt) {
    }

    private final OutcomeRecorder outcomes;
    private final FraudScoring fraud;
    private final Carrier carrier;
    private final Warehouse warehouse;
    private final PaymentGateway payments;
    private final OrderSystem orders;
    private final Erp erp;
    private final Loyalty loyalty;
    private final Crm crm;
    private final TaxService tax;
    private final ProcessStore leases;
    private final Duration lease;
    private final Clock clock;
    private final ExecutorService calls;
    private final ScheduledExecutorService timers;
    private final ConnectorMeters meters;
    private final MessageTracing tracing;
    private final Map<InFlight, Instant> inFlight = new ConcurrentHashMap<>();

    public AsyncStepExecutor(OutcomeRecorder outcomes, FraudScoring fraud, Carrier carrier, Warehouse warehouse,
                             PaymentGateway payments, OrderSystem orders, Erp erp, Loyalty loyalty, Crm crm,
                             TaxService tax, ProcessStore leases, ProcessProperties properties, Clock clock,
                             MeterRegistry meterRegistry, MessageTracing tracing) {
        this.outcomes = outcomes;
        this.fraud = fraud;
        this.carrier = carrier;
        this.warehouse = warehouse;
        this.payments = payments;
        this.orders = orders;
        this.erp = erp;
        this.loyalty = loyalty;
        this.crm = crm;
        this.tax = tax;
        this.leases = leases;
        this.lease = properties.lease();
        this.clock = clock;
        this.calls = Executors.newFixedThreadPool(properties.callThreads(), DaemonThreads.named("step-call"));
        this.timers = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("step-timer"));
        this.meters = new ConnectorMeters(meterRegistry);
        this.tracing = tracing;
        long renewEvery = Math.max(100, lease.toMillis() / 3);
        timers.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(StepCall call, Duration delay, MetaData origin) {
        InFlight key = new InFlight(call.returnId(), call.stepKey(), call.attempt());
        inFlight.put(key, clock.instant());
        Runnable work = () -> MdcHandlerInterceptor.runWith(origin, () -> run(call, origin, key));
        if (delay == null || delay.isZero() || delay.isNegative()) {
            calls.execute(work);
        } else {
            timers.schedule(() -> calls.execute(work), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The number of calls accepted and not yet finished (their outcome recorded or refused). */
    public int callsInFlight() {
        return inFlight.size();
    }

    private void renewLeases() {
        Instant slow = clock.instant().minus(lease.dividedBy(3));
        Set<String> returnIds = new HashSet<>();
        inFlight.forEach((call, since) -> {
            if (since.isBefore(slow)) {
                returnIds.add(call.returnId());
            }
        });
        try {
            leases.renewLeases(returnIds, lease);
        } catch (RuntimeException failure) {
            log.warn("Could not renew the leases of {} returns' calls in flight", returnIds.size(), failure);
        }
    }

    /**
     * In a span of its own ({@code step <STEP>}), a child of the span that asked for the call: the HTTP adapters'
     * client spans hang below it, and the outcome commands carry it as their parent.
     */
    private void run(StepCall call, MetaData origin, InFlight key) {
        Span span = tracing.startSpan("step " + call.step(), origin, null);
        span.tag("omnireturns.return.id", call.returnId());
        span.tag("omnireturns.step.key", call.stepKey());
        span.tag("omnireturns.step.attempt", String.valueOf(call.attempt()));
        try (var scope = tracing.inScope(span)) {
            run(call, origin.mergedWith(tracing.currentContext()), key, span);
        } finally {
            span.end();
        }
    }

    private void run(StepCall call, MetaData origin, InFlight key, Span span) {
        List<Object> outcome;
        long start = System.nanoTime();
        try {
            outcome = callRemote(call);
            recordCall(call, null, start);
        } catch (ConnectorException failure) {
            span.error(failure);
            recordCall(call, failure.code(), start);
            report(call, new RecordStepFailure(call.returnId(), call.step(), call.stepKey(), failure.code(),
                    failure.getMessage(), failure.retryable(), call.attempt()), origin, key);
            return;
        } catch (RuntimeException unexpected) {
            span.error(unexpected);
            recordCall(call, FailureCode.UNEXPECTED.code(), start);
            log.warn("Step {} of return {} failed unexpectedly", call.stepKey(), call.returnId(), unexpected);
            report(call, new RecordStepFailure(call.returnId(), call.step(), call.stepKey(), FailureCode.UNEXPECTED.code(),
                    String.valueOf(unexpected.getMessage()), true, call.attempt()), origin, key);
            return;
        }
        reportInOrder(call, outcome, 0, origin, key);
    }

    private void recordCall(StepCall call, String failureCode, long startNanos) {
        meters.recordCall(ConnectorNames.of(call.step().system()), call.step().system().name(), call.step().name(),
                failureCode, System.nanoTime() - startNanos);
    }

    private List<Object> callRemote(StepCall call) {
        String returnId = call.returnId();
        if (call instanceof StepCall.Fraud fraudCall) {
            FraudAssessment assessment = fraud.assess(fraudCall.check());
            return List.of(new RecordFraudAssessment(returnId, assessment.score(), assessment.reviewRequired(),
                    assessment.signals()));
        }
        if (call instanceof StepCall.Label labelCall) {
            ReturnLabel label = carrier.issueLabel(labelCall.request());
            return List.of(new IssueReturnLabel(returnId, label.carrier(), label.trackingNumber(), label.labelUrl()));
        }
        if (call instanceof StepCall.Advice adviceCall) {
            String reference = warehouse.adviseExpectedReceipt(adviceCall.advice());
            return List.of(new RecordWarehouseAdvised(returnId, adviceCall.advice().locationId(), reference));
        }
        if (call instanceof StepCall.Refund refundCall) {
            RefundReceipt receipt = payments.refund(refundCall.instruction());
            return List.of(new RecordRefundIssued(returnId, receipt.gatewayReference(), receipt.amount(),
                    receipt.settled()));
        }
        if (call instanceof StepCall.GiftCard giftCardCall) {
            GiftCardReceipt card = payments.issueGiftCard(giftCardCall.instruction());
            return List.of(new RecordGiftCardIssued(returnId, card.gatewayReference(), card.maskedCode(),
                    card.amount()));
        }
        if (call instanceof StepCall.Charge chargeCall) {
            ChargeReceipt receipt = payments.charge(chargeCall.instruction());
            if (chargeCall.step() == ProcessStep.CLAWBACK_CHARGE) {
                return List.of(new RecordClawbackCharged(returnId, receipt.gatewayReference(), receipt.amount()));
            }
            return List.of(new RecordDifferenceCharged(returnId, receipt.gatewayReference(), receipt.amount()));
        }
        if (call instanceof StepCall.Replacement replacementCall) {
            String orderId = orders.createReplacementOrder(replacementCall.request());
            return List.of(new RecordReplacementOrderCreated(returnId, orderId));
        }
        if (call instanceof StepCall.CreditMemo memoCall) {
            CreditMemoReceipt memo = erp.postCreditMemo(memoCall.request());
            return List.of(new RecordCreditMemoPosted(returnId, memo.documentNumber(), memo.amount(),
                    memo.taxByJurisdiction()));
        }
        if (call instanceof StepCall.DebitMemo debitCall) {
            DebitMemoReceipt memo = erp.postDebitMemo(debitCall.request());
            return List.of(new RecordClawbackMemoPosted(returnId, memo.documentNumber(), memo.amount()));
        }
        if (call instanceof StepCall.Inventory inventoryCall) {
            var request = inventoryCall.request();
            InventoryReceipt movement = erp.adjustInventory(request);
            return List.of(new RecordInventoryAdjusted(returnId, movement.movementId(), request.orderLineId(),
                    request.sku(), request.disposition(), request.locationId(), request.quantity()));
        }
        if (call instanceof StepCall.Loyalty loyaltyCall) {
            PointsReversal reversal = loyalty.reversePoints(loyaltyCall.request());
            return List.of(new RecordLoyaltyAdjusted(returnId, reversal.pointsReversed(), reversal.reference()));
        }
        if (call instanceof StepCall.LoyaltyRestore restoreCall) {
            PointsRestoration restoration = loyalty.restorePoints(restoreCall.request());
            return List.of(new RecordLoyaltyPointsRestored(returnId, restoration.pointsRestored(),
                    restoration.reference()));
        }
        if (call instanceof StepCall.Notify notifyCall) {
            crm.notifyCustomer(notifyCall.notification());
            return List.of(new RecordCustomerNotified(returnId, notifyCall.notification().milestone(), "EMAIL"));
        }
        if (call instanceof StepCall.Tax taxCall) {
            return List.of(new RecordRefundTax(returnId, taxCall.request().requestId(),
                    tax.calculate(taxCall.request())));
        }
        if (call instanceof StepCall.OpenCase caseCall) {
            String caseId = crm.openCase(caseCall.request());
            return List.of(new RecordCaseOpened(returnId, caseCall.exceptionId(), caseId));
        }
        throw new IllegalArgumentException("unknown step call " + call);
    }

    /** Result commands of one call go one after the other, each only once the one before was taken. */
    private void reportInOrder(StepCall call, List<Object> results, int index, MetaData origin, InFlight key) {
        if (index >= results.size()) {
            inFlight.remove(key);
            return;
        }
        record(asCommand(results.get(index), origin)).whenComplete((answer, failure) -> {
            if (failure == null) {
                reportInOrder(call, results, index + 1, origin, key);
            } else if (unwrap(failure) instanceof DomainException refused && MONEY_AND_STOCK.contains(call.step())) {
                // the system did something the return will not record (another amount, say): a person must see it
                log.warn("Return {} refused the outcome of {}: {}", call.returnId(), call.stepKey(), refused.getMessage());
                report(call, new RecordStepFailure(call.returnId(), call.step(), call.stepKey(),
                        FailureCode.OUTCOME_REFUSED.code(refused.code()), refused.getMessage(), false, call.attempt()), origin,
                        key);
            } else {
                inFlight.remove(key);
                logRefusedOutcome(call, unwrap(failure));
            }
        });
    }

    private void report(StepCall call, Object failureCommand, MetaData origin, InFlight key) {
        record(asCommand(failureCommand, origin)).whenComplete((answer, failure) -> {
            inFlight.remove(key);
            if (failure != null) {
                logRefusedOutcome(call, unwrap(failure));
            }
        });
    }

    private CompletableFuture<Object> record(CommandMessage<?> command) {
        try {
            return outcomes.record(command);
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /** The outcome continues the work of the event that asked for the call: same correlation, trace and actor. */
    private static CommandMessage<?> asCommand(Object payload, MetaData origin) {
        return GenericCommandMessage.asCommandMessage(payload).andMetaData(origin);
    }

    private static void logRefusedOutcome(StepCall call, Throwable failure) {
        if (failure instanceof DomainException refused) {
            // the return moved on meanwhile (cancelled, already recorded): the outcome no longer applies
            log.info("Return {} did not take the outcome of {}: {}", call.returnId(), call.stepKey(), refused.getMessage());
        } else {
            // once its lease runs out the sweeper has the step tried again; idempotency keys make that safe
            log.warn("Could not record the outcome of {} for return {}", call.stepKey(), call.returnId(), failure);
        }
    }

    /** The failure a command's future or a command bus wraps: the domain's refusal or the technical cause. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof CommandExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
        calls.shutdownNow();
    }
}
