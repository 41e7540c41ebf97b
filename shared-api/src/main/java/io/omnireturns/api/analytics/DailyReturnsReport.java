package io.omnireturns.api.analytics;

import java.time.LocalDate;
import java.util.List;

/** The daily returns analytics of the days from {@code from} (inclusive) to {@code to} (exclusive), by one breakdown. */
public record DailyReturnsReport(LocalDate from, LocalDate to, AnalyticsDimension by, List<DailyReturnsRow> rows) {

    public DailyReturnsReport {
        rows = List.copyOf(rows);
    }
}
