package io.omnireturns.command.integration;

/** The stable codes of the inbound integration endpoint (besides the return's own refusal codes). */
public final class IntegrationErrors {

    /** No such system in {@code /api/v1/integrations/{system}/events} (404). */
    public static final String UNKNOWN_INTEGRATION = "UNKNOWN_INTEGRATION";
    /**
     * {@code webhook-signature} missing, or no entry in it is the HMAC of id, timestamp and body with the system's
     * current or previous secret (401).
     */
    public static final String INVALID_SIGNATURE = "INVALID_SIGNATURE";
    /**
     * Signed right, but {@code webhook-timestamp} is further from this server's clock than the tolerance, either way:
     * a replay, a delivery that sat in a queue, or a sender's clock that is off (401).
     */
    public static final String TIMESTAMP_OUT_OF_TOLERANCE = "TIMESTAMP_OUT_OF_TOLERANCE";
    /** The message names a return that does not exist (422, recorded as REJECTED). */
    public static final String UNKNOWN_RETURN = "UNKNOWN_RETURN";
    /** The body is not JSON of one of the system's message types (400). */
    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    /** A field or header has an invalid value (400). */
    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    /** A required header is missing (400); the same code as everywhere else in the API. */
    public static final String MISSING_HEADER = "MISSING_HEADER";
    /** Applying the message failed for a technical reason; it is PARKED and retried by the sweep. */
    public static final String APPLY_FAILED = "APPLY_FAILED";

    private IntegrationErrors() {
    }
}
