package io.omnireturns.query.analytics.web;

import io.omnireturns.api.analytics.DailyReturnsReport;
import io.omnireturns.api.analytics.DailyReturnsRow;
import io.omnireturns.platform.web.Csv;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * The daily returns analytics as CSV (RFC 4180, one header row): {@code day, by, key, currency, returns, units,
 * value_minor, value, ordered_units, return_rate}. The value is given exactly in minor units and as a decimal in the
 * currency's usual digits; empty cells stand for none (the store of a web return, a rate without ordered units).
 */
final class DailyReturnsCsv {

    static final List<String> COLUMNS = List.of("day", "by", "key", "currency", "returns", "units", "value_minor",
            "value", "ordered_units", "return_rate");

    private DailyReturnsCsv() {
    }

    static String write(DailyReturnsReport report) {
        StringBuilder csv = new StringBuilder();
        Csv.appendRow(csv, COLUMNS);
        for (DailyReturnsRow row : report.rows()) {
            Csv.appendRow(csv, Arrays.asList(row.day().toString(), report.by().name(), row.key(), row.currency(),
                    String.valueOf(row.returns()), String.valueOf(row.units()), String.valueOf(row.valueMinor()),
                    decimal(row.valueMinor(), row.currency()), String.valueOf(row.orderedUnits()),
                    row.returnRate() == null ? null : row.returnRate().toPlainString()));
        }
        return csv.toString();
    }

    private static String decimal(long minor, String currency) {
        if (currency == null) {
            return null;
        }
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }
}
