package io.omnireturns.query.audit;

/** The stable error codes of the audit API. */
public final class AuditErrors {

    /** No event of a return with that id (404). */
    public static final String RETURN_NOT_FOUND = "RETURN_NOT_FOUND";
    /** The return has events, but none had happened by the instant asked for (404). */
    public static final String RETURN_NOT_FOUND_AT_INSTANT = "RETURN_NOT_FOUND_AT_INSTANT";
    /** A query parameter is not what it should be, e.g. an instant that is not ISO-8601 (400). */
    public static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    /** The end of a time range is not after its start (400). */
    public static final String INVALID_TIME_RANGE = "INVALID_TIME_RANGE";
    /** The time range is longer than one export may cover (400). */
    public static final String TIME_RANGE_TOO_LONG = "TIME_RANGE_TOO_LONG";

    private AuditErrors() {
    }
}
