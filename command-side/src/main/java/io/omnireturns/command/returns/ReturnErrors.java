package io.omnireturns.command.returns;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.returns.ReturnStatus;

/** The stable error codes a return refuses with; each one is documented in the README. */
public final class ReturnErrors {

    /** Also the answer to a scoped caller about a return outside its scope. */
    public static final String RETURN_NOT_FOUND = "RETURN_NOT_FOUND";
    public static final String RETURN_HAS_NO_LINES = "RETURN_HAS_NO_LINES";
    public static final String INVALID_QUANTITY = "INVALID_QUANTITY";
    public static final String DUPLICATE_LINE = "DUPLICATE_LINE";
    public static final String ORDER_LINE_NOT_FOUND = "ORDER_LINE_NOT_FOUND";
    public static final String STORE_ID_REQUIRED = "STORE_ID_REQUIRED";
    public static final String ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";
    public static final String DECISION_DOES_NOT_MATCH_REQUEST = "DECISION_DOES_NOT_MATCH_REQUEST";
    public static final String LINE_NOT_AUTHORIZED = "LINE_NOT_AUTHORIZED";
    public static final String RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED = "RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED";
    public static final String LOCATION_REQUIRED = "LOCATION_REQUIRED";
    public static final String GRADE_AND_DISPOSITION_REQUIRED = "GRADE_AND_DISPOSITION_REQUIRED";
    public static final String LINE_NOT_RECEIVED = "LINE_NOT_RECEIVED";
    public static final String LINE_ALREADY_INSPECTED = "LINE_ALREADY_INSPECTED";
    public static final String INSPECTION_QUANTITY_MISMATCH = "INSPECTION_QUANTITY_MISMATCH";
    public static final String REFUND_BEFORE_INSPECTION = "REFUND_BEFORE_INSPECTION";
    public static final String REFUND_ALREADY_APPROVED = "REFUND_ALREADY_APPROVED";
    public static final String REFUND_EXCEEDS_ACCEPTED = "REFUND_EXCEEDS_ACCEPTED";
    public static final String REFUND_NOT_APPROVED = "REFUND_NOT_APPROVED";
    public static final String REFUND_AMOUNT_MISMATCH = "REFUND_AMOUNT_MISMATCH";
    public static final String CREDIT_MEMO_ALREADY_POSTED = "CREDIT_MEMO_ALREADY_POSTED";
    public static final String CREDIT_MEMO_AMOUNT_MISMATCH = "CREDIT_MEMO_AMOUNT_MISMATCH";
    public static final String REFUND_TAX_MISMATCH = "REFUND_TAX_MISMATCH";
    public static final String INVENTORY_EXCEEDS_RECEIVED = "INVENTORY_EXCEEDS_RECEIVED";
    public static final String DISPOSITION_MISMATCH = "DISPOSITION_MISMATCH";
    public static final String LINE_NOT_INSPECTED = "LINE_NOT_INSPECTED";
    public static final String RETURN_ALREADY_ON_HOLD = "RETURN_ALREADY_ON_HOLD";
    public static final String RETURN_NOT_ON_HOLD = "RETURN_NOT_ON_HOLD";
    public static final String HOLD_DECISION_NOT_ALLOWED = "HOLD_DECISION_NOT_ALLOWED";
    public static final String REASON_REQUIRED = "REASON_REQUIRED";
    public static final String RETURN_NOT_CANCELLABLE = "RETURN_NOT_CANCELLABLE";
    public static final String RETURN_NOT_EXPIRABLE = "RETURN_NOT_EXPIRABLE";
    public static final String RETURN_NOT_COMPLETABLE = "RETURN_NOT_COMPLETABLE";
    public static final String RETURN_IS_TERMINAL = "RETURN_IS_TERMINAL";
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    public static final String REPLACEMENT_SKU_REQUIRED = "REPLACEMENT_SKU_REQUIRED";
    public static final String NOT_AN_EXCHANGE = "NOT_AN_EXCHANGE";
    public static final String EXCEPTION_NOT_OPEN = "EXCEPTION_NOT_OPEN";
    public static final String RETURN_NOT_DECLINABLE = "RETURN_NOT_DECLINABLE";
    public static final String DECLINE_REASON_REQUIRED = "DECLINE_REASON_REQUIRED";
    public static final String NOTE_REQUIRED = "NOTE_REQUIRED";
    public static final String NOTE_TOO_LONG = "NOTE_TOO_LONG";
    public static final String NOTE_ID_REQUIRED = "NOTE_ID_REQUIRED";
    public static final String NOTE_HAS_CONTROL_CHARACTERS = "NOTE_HAS_CONTROL_CHARACTERS";
    public static final String TOO_MANY_NOTES = "TOO_MANY_NOTES";
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String GOODWILL_NOT_ALLOWED = "GOODWILL_NOT_ALLOWED";
    public static final String GOODWILL_ALREADY_GRANTED = "GOODWILL_ALREADY_GRANTED";
    public static final String KEPT_LINES_DO_NOT_MATCH = "KEPT_LINES_DO_NOT_MATCH";
    public static final String GIFT_RECIPIENT_REQUIRED = "GIFT_RECIPIENT_REQUIRED";
    public static final String GIFT_RETURN_NEEDS_STORE_CREDIT = "GIFT_RETURN_NEEDS_STORE_CREDIT";
    public static final String EARLY_REFUND_NOT_ALLOWED = "EARLY_REFUND_NOT_ALLOWED";

    private ReturnErrors() {
    }

    static DomainException invalid(String code, String message) {
        return new DomainException(ErrorKind.INVALID_INPUT, code, message);
    }

    static DomainException illegalState(String code, String message) {
        return new DomainException(ErrorKind.ILLEGAL_STATE, code, message);
    }

    static DomainException rule(String code, String message) {
        return new DomainException(ErrorKind.RULE_VIOLATION, code, message);
    }

    static DomainException illegalTransition(String action, ReturnStatus status) {
        return illegalState(ILLEGAL_TRANSITION, "cannot " + action + " a return that is " + status);
    }
}
