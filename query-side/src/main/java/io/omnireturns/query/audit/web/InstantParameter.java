package io.omnireturns.query.audit.web;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.query.audit.AuditErrors;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** An instant in a query parameter: ISO-8601 in UTC ({@code 2026-11-27T10:15:30Z}) or with an offset. */
final class InstantParameter {

    private InstantParameter() {
    }

    static Instant parse(String name, String value) {
        String text = value == null ? "" : value.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new DomainException(ErrorKind.INVALID_INPUT, AuditErrors.INVALID_PARAMETER,
                        "parameter '" + name + "' must be an ISO-8601 instant such as 2026-11-27T10:15:30Z, not '"
                                + abbreviated(text) + "'");
            }
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
