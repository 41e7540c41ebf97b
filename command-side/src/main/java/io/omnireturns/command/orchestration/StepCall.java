package io.omnireturns.command.orchestration;

import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.command.orchestration.process.StepKey;
import io.omnireturns.command.connectors.carrier.LabelRequest;
import io.omnireturns.command.connectors.crm.CaseRequest;
import io.omnireturns.command.connectors.crm.CustomerNotification;
import io.omnireturns.command.connectors.erp.CreditMemoRequest;
import io.omnireturns.command.connectors.erp.DebitMemoRequest;
import io.omnireturns.command.connectors.erp.InventoryAdjustmentRequest;
import io.omnireturns.command.connectors.fraud.FraudCheck;
import io.omnireturns.command.connectors.loyalty.PointsRestoreRequest;
import io.omnireturns.command.connectors.loyalty.PointsReversalRequest;
import io.omnireturns.command.connectors.orders.ReplacementRequest;
import io.omnireturns.command.connectors.payments.ChargeInstruction;
import io.omnireturns.command.connectors.payments.GiftCardInstruction;
import io.omnireturns.command.connectors.payments.RefundInstruction;
import io.omnireturns.command.connectors.warehouse.ReceiptAdvice;
import io.omnireturns.api.tax.TaxRequest;

/**
 * One attempt of one step against an external system, as the return process asks for it. The process
 * decides what to call; the {@link StepExecutor} makes the call off the event-processing thread and reports
 * the outcome back to the return as a command.
 */
public sealed interface StepCall {

    String returnId();

    /** Which step of the return this call serves; stable for the life of the return. */
    StepKey key();

    int attempt();

    /** The key as events and external systems see it: the idempotency key's suffix. */
    default String stepKey() {
        return key().render();
    }

    default ProcessStep step() {
        return key().step();
    }

    /** {@code returnId:stepKey}, byte for byte what the systems were sent before keys were typed. */
    default String idempotencyKey() {
        return returnId() + ":" + stepKey();
    }

    record Fraud(String returnId, StepKey key, int attempt, FraudCheck check) implements StepCall {
    }

    record Label(String returnId, StepKey key, int attempt, LabelRequest request) implements StepCall {
    }

    record Advice(String returnId, StepKey key, int attempt, ReceiptAdvice advice) implements StepCall {
    }

    record Refund(String returnId, StepKey key, int attempt, RefundInstruction instruction) implements StepCall {
    }

    /** A refund paid as a new gift card: under the payment's key, one card per return for ever. */
    record GiftCard(String returnId, StepKey key, int attempt, GiftCardInstruction instruction) implements StepCall {
    }

    record Charge(String returnId, StepKey key, int attempt, ChargeInstruction instruction) implements StepCall {
    }

    record Replacement(String returnId, StepKey key, int attempt, ReplacementRequest request) implements StepCall {
    }

    record CreditMemo(String returnId, StepKey key, int attempt, CreditMemoRequest request) implements StepCall {
    }

    record DebitMemo(String returnId, StepKey key, int attempt, DebitMemoRequest request) implements StepCall {
    }

    record Inventory(String returnId, StepKey key, int attempt, InventoryAdjustmentRequest request) implements StepCall {
    }

    record Loyalty(String returnId, StepKey key, int attempt, PointsReversalRequest request) implements StepCall {
    }

    /** Points reversed for a return given back for the share a clawback charged back. */
    record LoyaltyRestore(String returnId, StepKey key, int attempt, PointsRestoreRequest request)
            implements StepCall {
    }

    record Notify(String returnId, StepKey key, int attempt, CustomerNotification notification) implements StepCall {
    }

    /** The request's id is the step's idempotency key, {@code returnId:CALCULATE_TAX:n}. */
    record Tax(String returnId, StepKey key, int attempt, TaxRequest request) implements StepCall {
    }

    record OpenCase(String returnId, StepKey key, int attempt, String exceptionId, CaseRequest request)
            implements StepCall {
    }
}
