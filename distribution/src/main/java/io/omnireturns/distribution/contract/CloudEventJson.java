package io.omnireturns.distribution.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalType;
import io.omnireturns.api.integration.CanonicalTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A {@link CanonicalEvent} as a CloudEvents 1.0 JSON document (structured content mode), and back. The JSON is the
 * contract's, not the application's: this class keeps its own mapper, so no Spring or Jackson setting of the running
 * service can change what consumers receive.
 *
 * <p>{@code sequence} is the CloudEvents sequence extension: the internal event's position in the return's stream,
 * as a string padded with zeros to 19 digits, so that comparing two strings orders them as the numbers (the extension
 * asks for lexicographic order). It orders the events of one {@code subject} (one return); events of different
 * returns are not ordered. Two canonical events from one internal event share the sequence and come in id order.
 */
public final class CloudEventJson {

    /**
     * Where the schemas are named: {@code dataschema} is this base followed by the type, and each schema committed
     * under {@code docs/events/schemas/<type>.json} has that URI as its {@code $id}.
     */
    public static final String DEFAULT_SCHEMA_BASE = "urn:omnireturns:events:schemas:";

    /** The media type of a structured-mode CloudEvents JSON document (Kafka's {@code content-type} header, webhooks). */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private static final int SEQUENCE_DIGITS = 19; // Long.MAX_VALUE has 19 digits

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final String schemaBase;

    public CloudEventJson() {
        this(DEFAULT_SCHEMA_BASE);
    }

    /** @param schemaBase where a deployment serves the schemas, e.g. an HTTPS folder; the type is appended */
    public CloudEventJson(String schemaBase) {
        if (schemaBase == null || schemaBase.isBlank()) {
            throw new IllegalArgumentException("a schema base URI is needed for dataschema");
        }
        this.schemaBase = schemaBase;
    }

    /** The CloudEvents {@code dataschema} of a type. */
    public String dataSchema(String type) {
        return schemaBase + type;
    }

    /** The CloudEvents {@code sequence} of a position in a return's stream. */
    public static String sequence(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a stream position is never negative: " + position);
        }
        return String.format("%0" + SEQUENCE_DIGITS + "d", position);
    }

    public ObjectNode toTree(CanonicalEvent event) {
        ObjectNode document = mapper.createObjectNode();
        document.put("specversion", CanonicalEvent.SPEC_VERSION);
        document.put("id", event.id());
        document.put("source", CanonicalEvent.SOURCE);
        document.put("type", event.type());
        document.put("subject", event.subject());
        document.put("time", event.time().toString());
        document.put("datacontenttype", CanonicalEvent.DATA_CONTENT_TYPE);
        document.put("dataschema", dataSchema(event.type()));
        document.put("sequence", sequence(event.sequence()));
        document.set("data", mapper.valueToTree(event.data()));
        return document;
    }

    public String write(CanonicalEvent event) {
        try {
            return mapper.writeValueAsString(toTree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.type() + " " + event.id(), e);
        }
    }

    public byte[] writeBytes(CanonicalEvent event) {
        return write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** A pretty-printed document, as the catalogue shows it. */
    public String writePretty(CanonicalEvent event) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.type() + " " + event.id(), e);
        }
    }

    /**
     * Reads a document this class wrote: {@code data} becomes the type's record. A type this version does not know,
     * or a document that is not a CloudEvent of this contract, is refused.
     */
    public CanonicalEvent read(String json) {
        try {
            JsonNode document = mapper.readTree(json);
            if (!CanonicalEvent.SPEC_VERSION.equals(text(document, "specversion"))) {
                throw new IllegalArgumentException("not a CloudEvents " + CanonicalEvent.SPEC_VERSION + " document");
            }
            String type = text(document, "type");
            CanonicalType known = CanonicalTypes.of(type)
                    .orElseThrow(() -> new IllegalArgumentException("unknown event type " + type));
            Object data = mapper.treeToValue(document.get("data"), known.dataType());
            return new CanonicalEvent(text(document, "id"), type, text(document, "subject"),
                    Instant.parse(text(document, "time")), Long.parseLong(text(document, "sequence")), data);
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable CloudEvent", e);
        }
    }

    private static String text(JsonNode document, String attribute) {
        JsonNode value = document.get(attribute);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the CloudEvent has no " + attribute);
        }
        return value.asText();
    }
}
