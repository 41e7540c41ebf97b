package io.omnireturns.query.finance;

/** The stable error codes of the finance API. */
public final class FinanceErrors {

    /** The period in the path is not {@code yyyy-MM} (400). */
    public static final String INVALID_PERIOD = "INVALID_PERIOD";
    /** The period was closed before (409). */
    public static final String PERIOD_ALREADY_CLOSED = "PERIOD_ALREADY_CLOSED";
    /** The period has not ended yet in the ledger's time zone: the current and future periods stay open (409). */
    public static final String PERIOD_NOT_ENDED = "PERIOD_NOT_ENDED";
    /** The ledger is being rebuilt by a replay; a report frozen now would miss bookings (409). */
    public static final String LEDGER_REPLAYING = "LEDGER_REPLAYING";
    /** No return with that id in the ledger (404). */
    public static final String RETURN_NOT_FOUND = "RETURN_NOT_FOUND";

    private FinanceErrors() {
    }
}
