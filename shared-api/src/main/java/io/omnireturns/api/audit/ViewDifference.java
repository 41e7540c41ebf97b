package io.omnireturns.api.audit;

import java.util.List;

/**
 * One return whose live view does not match what its events say.
 *
 * @param kind   {@code DIFFERENT} (the row says something else), {@code BEHIND} (the row misses its latest events,
 *               e.g. dead-lettered ones), {@code MISSING_FROM_VIEW} (events but no row), {@code NOT_IN_EVENT_STORE}
 *               (a row without events) or {@code NOT_REBUILDABLE} (the events cannot make a view)
 * @param fields the view properties and table columns ({@code column:status}) that differ, for {@code DIFFERENT}
 * @param detail what was found, for people
 */
public record ViewDifference(String returnId, String kind, List<String> fields, String detail) {

    public ViewDifference {
        fields = List.copyOf(fields);
    }
}
