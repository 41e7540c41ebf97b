package io.omnireturns.command.orchestration;

import io.omnireturns.api.returns.ProcessStep;

/**
 * Names of the steps of one return: the step itself, or the step and what it is for (a line, a milestone,
 * an exception). A key is stable for the life of the return, so it makes the idempotency key of the call.
 */
final class StepKeys {

    static final String FRAUD_CHECK = ProcessStep.FRAUD_CHECK.name();
    static final String ISSUE_LABEL = ProcessStep.ISSUE_LABEL.name();
    static final String ADVISE_WAREHOUSE = ProcessStep.ADVISE_WAREHOUSE.name();
    static final String REFUND_PAYMENT = ProcessStep.REFUND_PAYMENT.name();
    static final String REPLACEMENT_ORDER = ProcessStep.REPLACEMENT_ORDER.name();
    static final String POST_CREDIT_MEMO = ProcessStep.POST_CREDIT_MEMO.name();
    static final String REVERSE_LOYALTY = ProcessStep.REVERSE_LOYALTY.name();

    private static final char SEPARATOR = ':';

    private StepKeys() {
    }

    static String inventory(String orderLineId) {
        return ProcessStep.ADJUST_INVENTORY.name() + SEPARATOR + orderLineId;
    }

    static String notification(String milestone) {
        return ProcessStep.NOTIFY_CUSTOMER.name() + SEPARATOR + milestone;
    }

    static String openCase(String exceptionId) {
        return ProcessStep.OPEN_CASE.name() + SEPARATOR + exceptionId;
    }

    static ProcessStep stepOf(String stepKey) {
        int separator = stepKey.indexOf(SEPARATOR);
        return ProcessStep.valueOf(separator < 0 ? stepKey : stepKey.substring(0, separator));
    }

    static String argumentOf(String stepKey) {
        return stepKey.substring(stepKey.indexOf(SEPARATOR) + 1);
    }
}
