package io.omnireturns.api.error;

/**
 * The one catalogue of the codes a failed step records: {@code failureCode} of {@code StepFailed},
 * {@code RefundFailed}, {@code DifferenceChargeFailed}, {@code ClawbackChargeFailed}, of an exception in the queue
 * ({@code ExceptionRaised}, {@code GET /api/v1/exceptions}) and of the public {@code *.failed} events. Whether the
 * return process asks again is the code's {@link #retryable()}. {@code docs/error-codes.md} is generated from it.
 *
 * <p>Two kinds of code carry a suffix: {@link #REJECTED} and {@link #SERVER_ERROR} the HTTP status the system
 * answered ({@code REJECTED_422}), {@link #OUTCOME_REFUSED} the {@link ErrorCode} with which the return refused the
 * outcome ({@code OUTCOME_REFUSED_REFUND_EXCEEDS_APPROVAL}). An eligibility decision that fails is held with the
 * {@link ErrorCode} its refusal carried, or {@link #DECISION_FAILED}.
 */
public enum FailureCode {

    // ---- any connector's HTTP adapter (docs/connectors.md, "Which answers are retried") --------------------
    EMPTY_RESPONSE(Origin.CONNECTOR, false, "the system answered 2xx without a body"),
    MALFORMED_RESPONSE(Origin.CONNECTOR, false, "the answer could not be read, or lacks a field marked required"),
    THROTTLED(Origin.CONNECTOR, true, "the system answered 429"),
    REJECTED(Origin.CONNECTOR, false, "the system said no: any 4xx but 429, as REJECTED_<status> (REJECTED_422)"),
    SERVER_ERROR(Origin.CONNECTOR, true, "the system failed: a 5xx, as SERVER_ERROR_<status> (SERVER_ERROR_503)"),
    UNREACHABLE(Origin.CONNECTOR, true,
            "no answer within the read time-out, no connection, or the connection broke off while answering"),
    CIRCUIT_OPEN(Origin.CONNECTOR, true, "not asked: the connector's circuit breaker is open after repeated failures"),

    // ---- the sandboxes: the in-process systems say no as a real one would --------------------------------
    SANDBOX_UNAVAILABLE(Origin.SANDBOX, true,
            "a failure injected into a sandbox (omnireturns.connectors.<name>.sandbox.failure-rate)"),
    INVALID_REQUEST(Origin.SANDBOX, false, "a required field is missing or a value is out of range"),
    INVALID_AMOUNT(Origin.SANDBOX, false, "an amount that is not positive, or more than the order line allows"),
    CURRENCY_MISMATCH(Origin.SANDBOX, false, "an amount in another currency than the order, tender or line"),
    AMOUNT_MISMATCH(Origin.SANDBOX, false, "a refund's parts do not add up to its total"),
    TOTAL_MISMATCH(Origin.SANDBOX, false,
            "a credit memo's lines do not add up to its total, or a debit memo exceeds its credit memo"),
    TAX_MISMATCH(Origin.SANDBOX, false, "a credit memo's tax lines do not add up to its tax"),
    UNKNOWN_CREDIT_MEMO(Origin.SANDBOX, false, "a debit memo against a credit memo the ERP does not know for the return"),
    IDEMPOTENCY_KEY_MISSING(Origin.SANDBOX, false, "a write without an idempotency key"),
    IDEMPOTENCY_CONFLICT(Origin.SANDBOX, false, "an idempotency key used before for another request"),
    ORDER_NOT_FOUND(Origin.SANDBOX, false, "the order system knows no such order"),
    ORDER_LINE_NOT_FOUND(Origin.SANDBOX, false, "the order has no such line"),
    QUANTITY_EXCEEDS_ORDER(Origin.SANDBOX, false, "a replacement of more units than the order line has"),
    UNKNOWN_TENDER(Origin.SANDBOX, false, "the payment gateway knows no such tender (or no card to charge) of the order"),
    REFUND_EXCEEDS_CAPTURE(Origin.SANDBOX, false, "a refund of more than the tender captured, with earlier refunds"),
    CARD_DECLINED(Origin.SANDBOX, false, "the card refused a charge"),
    UNKNOWN_JURISDICTION(Origin.SANDBOX, false, "the tax service has no rates for the jurisdiction asked about"),
    POINTS_EXCEED_REVERSED(Origin.SANDBOX, false,
            "a restoration of more loyalty points than were reversed for the return, with earlier restorations"),

    // ---- the return process ----------------------------------------------------------------------------
    TIMEOUT(Origin.PROCESS, true, "the step's call did not report back within its lease (omnireturns.process.step-timeout)"),
    UNEXPECTED(Origin.PROCESS, true, "the step's call failed with an unexpected error, logged on the node"),
    OUTCOME_REFUSED(Origin.PROCESS, false,
            "the system answered, but the return refused to record the outcome, as OUTCOME_REFUSED_<problem code>"),
    DECISION_FAILED(Origin.PROCESS, false, "an eligibility decision could not be made after its decision time-out"),
    SETTLEMENT_OVERDUE(Origin.PROCESS, false, "the refund was not settled by the payment gateway in time"),
    PARCEL_MISSING_AFTER_EARLY_REFUND(Origin.PROCESS, false,
            "a return refunded at the first carrier scan had not arrived by its receipt expiry");

    /** Where a code comes from. */
    public enum Origin { CONNECTOR, SANDBOX, PROCESS }

    private final Origin origin;
    private final boolean retryable;
    private final String meaning;

    FailureCode(Origin origin, boolean retryable, String meaning) {
        this.origin = origin;
        this.retryable = retryable;
        this.meaning = meaning;
    }

    public Origin origin() {
        return origin;
    }

    /** Whether the return process asks again (up to {@code omnireturns.process.step-max-attempts}). */
    public boolean retryable() {
        return retryable;
    }

    public String meaning() {
        return meaning;
    }

    /** The code as recorded. */
    public String code() {
        return name();
    }

    /** The code with its suffix: {@code REJECTED_422}, {@code OUTCOME_REFUSED_REFUND_EXCEEDS_APPROVAL}. */
    public String code(Object suffix) {
        return name() + "_" + suffix;
    }
}
