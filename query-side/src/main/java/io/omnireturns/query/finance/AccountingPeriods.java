package io.omnireturns.query.finance;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.platform.architecture.PlainJava;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/** Accounting periods: calendar months in the ledger's time zone, written {@code yyyy-MM}. */
@PlainJava
public final class AccountingPeriods {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    private final ZoneId zone;

    public AccountingPeriods(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public YearMonth periodOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    /** The first instant of the period (inclusive). */
    public Instant start(YearMonth period) {
        return period.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period (exclusive). */
    public Instant end(YearMonth period) {
        return start(period.plusMonths(1));
    }

    public boolean hasEnded(YearMonth period, Instant now) {
        return !now.isBefore(end(period));
    }

    /**
     * Where an event of {@code eventPeriod} is booked: in its own period while that is open, otherwise in the first
     * open period after it. The current period can never be closed, so there always is one.
     */
    public static YearMonth bookingPeriod(YearMonth eventPeriod, Set<YearMonth> closed) {
        YearMonth period = eventPeriod;
        while (closed.contains(period)) {
            period = period.plusMonths(1);
        }
        return period;
    }

    /** A period as the API takes it: exactly {@code yyyy-MM}; anything else is an {@code INVALID_PERIOD}. */
    public static YearMonth parse(String text) {
        if (text == null || !PERIOD.matcher(text).matches()) {
            throw invalid(text);
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(text);
        }
    }

    public static String format(YearMonth period) {
        return period.toString();
    }

    private static DomainException invalid(String text) {
        return new DomainException(ErrorKind.INVALID_INPUT, FinanceErrors.INVALID_PERIOD,
                "an accounting period is written yyyy-MM (e.g. 2025-01), got '" + text + "'");
    }
}
