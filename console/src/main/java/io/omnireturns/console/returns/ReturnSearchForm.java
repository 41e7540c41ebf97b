package io.omnireturns.console.returns;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.SearchReturns;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.platform.security.Caller;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search form as typed (every field optional text, so a wrong value is shown back with a message rather than
 * refused as a bad request). Dates are days in UTC; {@code to} includes its whole day.
 */
public record ReturnSearchForm(String orderId, String customerId, String status, String channel, String storeId,
                               String from, String to, String page) {

    /** What the form asks, as the status view's search query for this caller, or the problems with it. */
    Parsed parse(Caller caller) {
        List<String> problems = new ArrayList<>();
        ReturnStatus parsedStatus = enumValue(ReturnStatus.class, status, "status", problems);
        SalesChannel parsedChannel = enumValue(SalesChannel.class, channel, "channel", problems);
        LocalDate fromDay = day(from, "from", problems);
        LocalDate toDay = day(to, "to", problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.add("The date range ends before it starts.");
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        int pageNumber = pageNumber();
        // a scoped caller searches inside its scope only, as in the API (Caller refuses another store or customer)
        return new Parsed(new SearchReturns(blankToNull(orderId), caller.customerFor(blankToNull(customerId)),
                parsedStatus, parsedChannel, caller.storeFor(blankToNull(storeId)),
                fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                pageNumber, SearchReturns.DEFAULT_PAGE_SIZE), List.of());
    }

    /** The page asked for, from 0 (the first page for anything else). */
    int pageNumber() {
        try {
            return page == null ? 0 : Math.max(Integer.parseInt(page.strip()), 0);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    record Parsed(SearchReturns query, List<String> problems) {
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field, List<String> problems) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add("Unknown " + field + " " + text.strip() + ".");
            return null;
        }
    }

    private static LocalDate day(String text, String field, List<String> problems) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException invalid) {
            problems.add("The " + field + " date must look like 2026-01-31.");
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
