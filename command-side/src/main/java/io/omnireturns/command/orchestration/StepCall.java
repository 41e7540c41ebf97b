package io.omnireturns.command.orchestration;

import io.omnireturns.api.returns.ProcessStep;
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

/**
 * One attempt of one step against an external system, as the return process asks for it. The process
 * decides what to call; the {@link StepExecutor} makes the call off the event-processing thread and reports
 * the outcome back to the return as a command.
 */
public sealed interface StepCall {

    String returnId();

    /** Stable per return and step: the idempotency key's suffix and the retry bookkeeping key. */
    String stepKey();

    ProcessStep step();

    int attempt();

    default String idempotencyKey() {
        return returnId() + ":" + stepKey();
    }

    record Fraud(String returnId, String stepKey, int attempt, FraudCheck check) implements StepCall {
        public ProcessStep step() {
            return ProcessStep.FRAUD_CHECK;
        }
    }

    record Label(String returnId, String stepKey, int attempt, LabelRequest request) implements StepCall {
        public ProcessStep step() {
            return ProcessStep.ISSUE_LABEL;
        }
    }

    record Advice(String returnId, String stepKey, int attempt, ReceiptAdvice advice) implements StepCall {
        public ProcessStep step() {
            return ProcessStep.ADVISE_WAREHOUSE;
        }
    }

    record Refund(String returnId, String stepKey, int attempt, RefundInstruction instruction) implements StepCall {
        public ProcessStep step() {
            return ProcessStep.REFUND_PAYMENT;
        }
    }

    record Replacement(String returnId, String stepKey, int attempt, ReplacementRequest request) implements StepCall {
        public ProcessStep step() {
            return ProcessStep.REPLACEMENT_ORDER;
        }
    }

    record CreditMemo(String returnId, String stepKey, int attempt, CreditMemoRequest request) implements StepCall {
        public ProcessStep step() {
            return ProcessStep.POST_CREDIT_MEMO;
        }
    }

    record Inventory(String returnId, String stepKey, int attempt, InventoryAdjustmentRequest request) implements StepCall {
        public ProcessStep step() {
            return ProcessStep.ADJUST_INVENTORY;
        }
    }

    record Loyalty(String returnId, String stepKey, int attempt, PointsReversalRequest request) implements StepCall {
        public ProcessStep step() {
            return ProcessStep.REVERSE_LOYALTY;
        }
    }

    record Notify(String returnId, String stepKey, int attempt, CustomerNotification notification) implements StepCall {
        public ProcessStep step() {
            return ProcessStep.NOTIFY_CUSTOMER;
        }
    }

    record OpenCase(String returnId, String stepKey, int attempt, String exceptionId, CaseRequest request)
            implements StepCall {
        public ProcessStep step() {
            return ProcessStep.OPEN_CASE;
        }
    }
}
