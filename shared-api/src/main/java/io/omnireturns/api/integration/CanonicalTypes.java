package io.omnireturns.api.integration;

/** The canonical event types (CloudEvents {@code type}), versioned: a breaking change is a new type. */
public final class CanonicalTypes {

    public static final String RETURN_INITIATED = "io.omnireturns.return.initiated.v1";
    public static final String RETURN_RECEIVED = "io.omnireturns.return.received.v1";

    private CanonicalTypes() {
    }
}
