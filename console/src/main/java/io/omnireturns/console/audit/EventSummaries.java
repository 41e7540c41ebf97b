package io.omnireturns.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.audit.AuditEvent;
import io.omnireturns.api.query.TimelineEntry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One readable line per event: the status view's own words where the event is a milestone of its timeline, else the
 * event's name in words and the payload's first few plain values ({@code reason: SIZE_OR_FIT}).
 */
final class EventSummaries {

    /** Payload fields every return event repeats, or that say nothing on one line. */
    private static final Set<String> LEFT_OUT = Set.of("returnId", "occurredAt", "lines", "at");
    private static final int MAX_VALUES = 4;
    private static final int MAX_VALUE_LENGTH = 60;

    private EventSummaries() {
    }

    static String summary(AuditEvent event, Map<Long, TimelineEntry> milestones) {
        TimelineEntry milestone = milestones.get(event.sequenceNumber());
        if (milestone != null && milestone.description() != null && !milestone.description().isBlank()) {
            return milestone.description();
        }
        String words = words(event.eventType());
        List<String> values = values(event.payload());
        return values.isEmpty() ? words : words + " (" + String.join(", ", values) + ")";
    }

    /** {@code InspectionRecorded} as "Inspection recorded". */
    static String words(String eventType) {
        if (eventType == null || eventType.isEmpty()) {
            return "Event";
        }
        String spaced = eventType.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static List<String> values(Object payload) {
        List<String> values = new ArrayList<>();
        if (!(payload instanceof JsonNode json) || !json.isObject()) {
            return values;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext() && values.size() < MAX_VALUES) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (LEFT_OUT.contains(field.getKey()) || !value.isValueNode() || value.isNull()) {
                continue;
            }
            String text = value.asText();
            values.add(field.getKey() + ": " + (text.length() > MAX_VALUE_LENGTH
                    ? text.substring(0, MAX_VALUE_LENGTH) + "…" : text));
        }
        return values;
    }
}
