package io.omnireturns.console.warehouse;

import io.omnireturns.api.error.DomainException;

/** The HTTP status of a form the return refused, as the API would answer it. */
final class WarehouseRefusals {

    private WarehouseRefusals() {
    }

    static int status(DomainException refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case INVALID_INPUT -> 400;
            case ILLEGAL_STATE -> 409;
            case RULE_VIOLATION -> 422;
        };
    }
}
