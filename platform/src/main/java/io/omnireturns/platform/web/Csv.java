package io.omnireturns.platform.web;

import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CSV answers (finance reports, analytics): which of JSON and CSV a client asked for, and rows written as RFC 4180
 * (comma separated, CRLF line ends) with spreadsheet formulas defused.
 */
public final class Csv {

    public static final String TEXT_CSV_VALUE = "text/csv";
    public static final MediaType TEXT_CSV = MediaType.parseMediaType(TEXT_CSV_VALUE);

    private Csv() {
    }

    /** CSV when the client ranks text/csv (or text/*) above JSON; JSON otherwise, also for * / * and no Accept. */
    public static boolean prefersCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException e) { // an Accept header that does not parse
            return false;
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed()); // stable: ties keep order
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (!type.isWildcardType() && type.isCompatibleWith(TEXT_CSV)) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }

    /** One row: the cells quoted where needed, then CRLF. */
    public static void appendRow(StringBuilder csv, List<String> cells) {
        List<String> escaped = new ArrayList<>(cells.size());
        for (String cell : cells) {
            escaped.add(escape(cell == null ? "" : cell));
        }
        csv.append(String.join(",", escaped)).append("\r\n");
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is quoted with an apostrophe so spreadsheets never run it. */
    public static String escape(String cell) {
        String safe = cell;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0 && !isNumber(safe)) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static boolean isNumber(String cell) {
        try {
            new java.math.BigDecimal(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
