package io.omnireturns.console.shell;

import io.omnireturns.api.error.DomainException;

/** The HTTP status of a form a service refused, as the API would answer it (a form shown again with the refusal). */
public final class ConsoleRefusals {

    private ConsoleRefusals() {
    }

    public static int status(DomainException refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case INVALID_INPUT -> 400;
            case ILLEGAL_STATE -> 409;
            case RULE_VIOLATION -> 422;
            case UNAVAILABLE -> 503;
        };
    }
}
