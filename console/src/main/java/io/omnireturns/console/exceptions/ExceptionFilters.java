package io.omnireturns.console.exceptions;

import io.omnireturns.api.query.ExceptionState;
import io.omnireturns.api.query.FindExceptions;
import io.omnireturns.api.returns.ExternalSystem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The queue's filters as typed (text, so a wrong value is explained rather than refused): state (open by default, as
 * in the API), the failing system, a minimum age and a return id.
 */
public record ExceptionFilters(String state, String system, String age, String returnId, String page) {

    /** The age choices: the value in the address and its label. */
    public static final Map<String, String> AGES = ages();

    private static final Map<String, Duration> AGE_DURATIONS = Map.of("1h", Duration.ofHours(1),
            "4h", Duration.ofHours(4), "24h", Duration.ofHours(24), "72h", Duration.ofHours(72));

    /** The query for these filters at {@code now}, or the problems with them. */
    Parsed parse(Instant now) {
        List<String> problems = new ArrayList<>();
        ExceptionState parsedState = state == null ? ExceptionState.OPEN
                : state.isBlank() || "ANY".equalsIgnoreCase(state.strip()) ? null
                : enumValue(ExceptionState.class, state, "state", problems);
        ExternalSystem parsedSystem = blank(system) ? null : enumValue(ExternalSystem.class, system, "system", problems);
        Instant raisedBefore = null;
        if (!blank(age)) {
            Duration minimum = AGE_DURATIONS.get(age.strip());
            if (minimum == null) {
                problems.add("Unknown age " + age.strip() + ".");
            } else {
                raisedBefore = now.minus(minimum);
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return new Parsed(new FindExceptions(parsedState, parsedSystem, blank(returnId) ? null : returnId.strip(),
                raisedBefore, pageNumber(), FindExceptions.DEFAULT_PAGE_SIZE), List.of());
    }

    /** The state filter as the form shows it: OPEN unless another was chosen. */
    public String stateOrDefault() {
        return state == null ? "OPEN" : state.strip().toUpperCase(Locale.ROOT);
    }

    int pageNumber() {
        try {
            return page == null ? 0 : Math.max(Integer.parseInt(page.strip()), 0);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    record Parsed(FindExceptions query, List<String> problems) {
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field, List<String> problems) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add("Unknown " + field + " " + text.strip() + ".");
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Map<String, String> ages() {
        Map<String, String> ages = new LinkedHashMap<>();
        ages.put("", "Any age");
        ages.put("1h", "Older than 1 h");
        ages.put("4h", "Older than 4 h");
        ages.put("24h", "Older than 1 day");
        ages.put("72h", "Older than 3 days");
        return ages;
    }
}
