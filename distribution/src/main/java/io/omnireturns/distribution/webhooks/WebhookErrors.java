package io.omnireturns.distribution.webhooks;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;

/** The refusals of the webhook operations, with their codes (shared-api's {@code ErrorCode}). */
final class WebhookErrors {

    private WebhookErrors() {
    }

    static DomainException invalidUrl(String detail) {
        return new DomainException(ErrorKind.INVALID_INPUT, "INVALID_WEBHOOK_URL", detail);
    }

    static DomainException urlNotAllowed(String detail) {
        return new DomainException(ErrorKind.RULE_VIOLATION, "WEBHOOK_URL_NOT_ALLOWED", detail);
    }

    static DomainException invalidSecret(String detail) {
        return new DomainException(ErrorKind.INVALID_INPUT, "INVALID_WEBHOOK_SECRET", detail);
    }

    static DomainException unknownEventType(String type, Iterable<String> known) {
        return new DomainException(ErrorKind.INVALID_INPUT, "UNKNOWN_EVENT_TYPE",
                "'" + type + "' is no canonical event type; the types are " + String.join(", ", known));
    }

    static DomainException subscriptionNotFound(String subscriptionId) {
        return new DomainException(ErrorKind.NOT_FOUND, "SUBSCRIPTION_NOT_FOUND",
                "no webhook subscription with id " + subscriptionId);
    }

    static DomainException deadLetterNotFound(long deliveryId) {
        return new DomainException(ErrorKind.NOT_FOUND, "DEAD_LETTER_NOT_FOUND",
                "no dead letter with id " + deliveryId);
    }
}
