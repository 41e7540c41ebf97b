package io.omnireturns.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.bench.scale.TemplateCapture.StoredRow;
import org.axonframework.common.DateTimeUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stored events of one real return, compiled into text with holes: every id the service made up (message and
 * correlation ids, trace ids, the return id), the order and customer, every instant and every reference a
 * connector issued (refund, credit memo, stock movement, label, ...). A generated return fills the holes with its
 * own values and keeps everything else byte for byte as the service stored it: payload types, revisions, the
 * metadata's keys and order, the aggregate types and sequence numbers.
 */
final class ReturnTemplate {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HOLES = Pattern.compile(
            "(?<uuid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
                    + "|(?<instant>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z)"
                    + "|(?<trace>(?<![0-9a-f-])[0-9a-f]{32}(?![0-9a-f]))"
                    + "|(?<reference>\\b(?:[A-Z]+-)+(?:1Z)?\\d{6,9}\\b)");

    private final String name;
    private final double share;
    private final List<Row> rows;
    private final int uuidSlots;
    private final int traceSlots;
    private final List<String> referencePrefixes;
    private final int returnIdSlot;
    private final long firstMillis;
    private final List<String> returnEventTypes;

    private ReturnTemplate(String name, double share, List<Row> rows, int uuidSlots, int traceSlots,
                           List<String> referencePrefixes, int returnIdSlot, long firstMillis, List<String> returnEventTypes) {
        this.name = name;
        this.share = share;
        this.rows = rows;
        this.uuidSlots = uuidSlots;
        this.traceSlots = traceSlots;
        this.referencePrefixes = referencePrefixes;
        this.returnIdSlot = returnIdSlot;
        this.firstMillis = firstMillis;
        this.returnEventTypes = returnEventTypes;
    }

    static ReturnTemplate compile(String name, double share, String returnId, List<StoredRow> stored) {
        StoredRow request = stored.stream().filter(row -> row.aggregateIdentifier().equals(returnId)
                && row.sequenceNumber() == 0).findFirst().orElseThrow(() -> new IllegalStateException(
                "no request among the captured events of " + returnId));
        JsonNode requested = read(request.payload());
        Compiler compiler = new Compiler(requested.get("orderId").asText(), requested.get("customerId").asText());
        int returnIdSlot = compiler.uuidSlot(returnId);
        List<Row> rows = new ArrayList<>();
        List<String> returnEventTypes = new ArrayList<>();
        for (StoredRow row : stored) {
            rows.add(new Row(compiler.compile(row.aggregateIdentifier(), false), row.sequenceNumber(), row.type(),
                    compiler.compile(row.eventIdentifier(), false),
                    row.metadata() == null ? null : compiler.compile(row.metadata(), false),
                    compiler.compile(row.payload(), false), row.payloadRevision(), row.payloadType(),
                    compiler.compile(row.timestamp(), true)));
            if (row.aggregateIdentifier().equals(returnId)) {
                returnEventTypes.add(row.payloadType().substring(row.payloadType().lastIndexOf('.') + 1)
                        + "@" + row.payloadRevision());
            }
        }
        long first = stored.stream().mapToLong(row -> DateTimeUtils.parseInstant(row.timestamp()).toEpochMilli())
                .min().orElseThrow();
        return new ReturnTemplate(name, share, List.copyOf(rows), compiler.uuids.size(), compiler.traces.size(),
                compiler.references.keySet().stream().map(ReturnTemplate::referencePrefix).toList(), returnIdSlot, first, List.copyOf(returnEventTypes));
    }

    String name() {
        return name;
    }

    double share() {
        return share;
    }

    int events() {
        return rows.size();
    }

    /** Type and revision of each of the return's own events, in order ({@code ReturnRequested@1}, ...). */
    List<String> returnEventTypes() {
        return returnEventTypes;
    }

    int uuidSlots() {
        return uuidSlots;
    }

    int traceSlots() {
        return traceSlots;
    }

    /** Per reference slot, the text before its number. */
    List<String> referencePrefixes() {
        return referencePrefixes;
    }

    int returnIdSlot() {
        return returnIdSlot;
    }

    long firstMillis() {
        return firstMillis;
    }

    List<Row> rows() {
        return rows;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values one generated return puts into the holes. */
    record Values(UUID[] uuids, String[] traces, String[] references, String orderId, String customerId,
                  long shiftMillis) {
    }

    /** One stored event with holes; {@code payloadRevision} may be null as in the store. */
    record Row(Text aggregateIdentifier, long sequenceNumber, String type, Text eventIdentifier, Text metadata,
               Text payload, String payloadRevision, String payloadType, Text timestamp) {
    }

    /** Literal pieces and holes, in order. */
    record Text(Object[] parts) {

        void render(StringBuilder out, Values values) {
            for (Object part : parts) {
                if (part instanceof String literal) {
                    out.append(literal);
                } else {
                    ((Hole) part).render(out, values);
                }
            }
        }

        String render(Values values) {
            StringBuilder out = new StringBuilder(64);
            render(out, values);
            return out.toString();
        }

        byte[] bytes(Values values) {
            return render(values).getBytes(StandardCharsets.UTF_8);
        }
    }

    private sealed interface Hole permits UuidHole, TraceHole, InstantHole, ReferenceHole, OrderHole, CustomerHole {
        void render(StringBuilder out, Values values);
    }

    private record UuidHole(int slot) implements Hole {
        public void render(StringBuilder out, Values values) {
            out.append(values.uuids()[slot]);
        }
    }

    private record TraceHole(int slot) implements Hole {
        public void render(StringBuilder out, Values values) {
            out.append(values.traces()[slot]);
        }
    }

    private record ReferenceHole(int slot) implements Hole {
        public void render(StringBuilder out, Values values) {
            out.append(values.references()[slot]);
        }
    }

    private record OrderHole() implements Hole {
        public void render(StringBuilder out, Values values) {
            out.append(values.orderId());
        }
    }

    private record CustomerHole() implements Hole {
        public void render(StringBuilder out, Values values) {
            out.append(values.customerId());
        }
    }

    /**
     * An instant moved by the return's shift, written as it was written: the event store's timestamp column by
     * Axon's formatter, instants inside JSON as Jackson writes an {@link Instant}.
     */
    private record InstantHole(long epochSecond, int nanos, boolean storeColumn) implements Hole {
        public void render(StringBuilder out, Values values) {
            Instant shifted = Instant.ofEpochSecond(epochSecond, nanos).plusMillis(values.shiftMillis());
            out.append(storeColumn ? DateTimeUtils.formatInstant(shifted) : shifted.toString());
        }
    }

    /** Turns stored text into {@link Text}, numbering the holes across all rows of one template. */
    private static final class Compiler {

        private final Map<String, Integer> uuids = new LinkedHashMap<>();
        private final Map<String, Integer> traces = new LinkedHashMap<>();
        private final Map<String, Integer> references = new LinkedHashMap<>();
        private final Pattern orderOrCustomer;
        private final String orderId;

        Compiler(String orderId, String customerId) {
            this.orderId = orderId;
            this.orderOrCustomer = Pattern.compile("(?<![A-Za-z0-9])(" + Pattern.quote(orderId) + "|"
                    + Pattern.quote(customerId) + ")(?![0-9])");
        }

        int uuidSlot(String uuid) {
            return uuids.computeIfAbsent(uuid, key -> uuids.size());
        }

        Text compile(String text, boolean storeColumn) {
            List<Object> parts = new ArrayList<>();
            Matcher matcher = HOLES.matcher(text);
            int at = 0;
            while (matcher.find()) {
                literal(parts, text.substring(at, matcher.start()));
                if (matcher.group("uuid") != null) {
                    parts.add(new UuidHole(uuidSlot(matcher.group())));
                } else if (matcher.group("instant") != null) {
                    Instant instant = DateTimeUtils.parseInstant(matcher.group());
                    parts.add(new InstantHole(instant.getEpochSecond(), instant.getNano(), storeColumn));
                } else if (matcher.group("trace") != null) {
                    parts.add(new TraceHole(traces.computeIfAbsent(matcher.group(), key -> traces.size())));
                } else {
                    parts.add(new ReferenceHole(references.computeIfAbsent(matcher.group(), key -> references.size())));
                }
                at = matcher.end();
            }
            literal(parts, text.substring(at));
            return new Text(parts.toArray());
        }

        /** Literal text, with the order and customer ids as holes (order line and tender ids start with the order's). */
        private void literal(List<Object> parts, String text) {
            Matcher matcher = orderOrCustomer.matcher(text);
            int at = 0;
            while (matcher.find()) {
                if (matcher.start() > at) {
                    parts.add(text.substring(at, matcher.start()));
                }
                parts.add(matcher.group().equals(orderId) ? new OrderHole() : new CustomerHole());
                at = matcher.end();
            }
            if (at < text.length()) {
                parts.add(text.substring(at));
            }
        }
    }

    /** What comes before the number of a reference ({@code PSP-RF-}, {@code SANDBOX-1Z}), kept as it was. */
    static String referencePrefix(String reference) {
        int end = reference.length();
        while (end > 0 && Character.isDigit(reference.charAt(end - 1))) {
            end--;
        }
        return reference.substring(0, end);
    }
}
