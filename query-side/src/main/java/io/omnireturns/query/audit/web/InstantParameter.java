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

    /** What PostgreSQL's timestamps can hold, rounded to whole years: Java's instants reach much further. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    static Instant parse(String name, String value) {
        String text = value == null ? "" : value.strip();
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new DomainException(ErrorKind.INVALID_INPUT, AuditErrors.INVALID_PARAMETER,
                        "parameter '" + name + "' must be an ISO-8601 instant such as 2026-11-27T10:15:30Z, not '"
                                + abbreviated(text) + "'");
            }
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new DomainException(ErrorKind.INVALID_INPUT, AuditErrors.INVALID_PARAMETER,
                    "parameter '" + name + "' must lie between " + EARLIEST + " and " + LATEST + ", not '"
                            + abbreviated(text) + "'");
        }
        return instant;
    }

    private static String abbreviated(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
