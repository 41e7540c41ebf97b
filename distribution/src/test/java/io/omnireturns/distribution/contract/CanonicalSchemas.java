package io.omnireturns.distribution.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireturns.api.integration.CanonicalType;
import io.omnireturns.api.integration.Meaning;
import io.omnireturns.api.integration.NullWhen;
import io.omnireturns.api.integration.OneOf;
import io.omnireturns.api.money.Money;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of a canonical type's {@code data}, generated from its record: every component is a
 * required property, nullable only where {@link NullWhen} says so, a closed list where {@link OneOf} names one,
 * described where {@link Meaning} says what it means.
 * Nested records are written inline, so each schema stands alone.
 */
final class CanonicalSchemas {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CanonicalSchemas() {
    }

    /** The committed file's name under {@code docs/events/schemas/}. */
    static String fileName(CanonicalType type) {
        return type.name() + ".json";
    }

    static ObjectNode schema(CanonicalType type) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", CloudEventJson.DEFAULT_SCHEMA_BASE + type.name());
        schema.put("title", type.name() + " data (" + type.dataType().getSimpleName() + ")");
        schema.put("description", type.meaning());
        schema.setAll(object(type.dataType()));
        return schema;
    }

    /** The schema as committed: indented, one trailing newline. */
    static String text(CanonicalType type) {
        try {
            return JSON.writeValueAsString(schema(type)) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode object(Class<?> record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "object");
        ArrayNode required = node.putArray("required");
        ObjectNode properties = node.putObject("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            required.add(component.getName());
            properties.set(component.getName(), property(component));
        }
        return node;
    }

    private static ObjectNode property(RecordComponent component) {
        ObjectNode node = value(component.getGenericType());
        OneOf oneOf = component.getAnnotation(OneOf.class);
        if (oneOf != null) {
            ArrayNode values = node.putArray("enum");
            for (Enum<?> constant : oneOf.value().getEnumConstants()) {
                values.add(constant.name());
            }
        }
        List<String> description = new ArrayList<>();
        Meaning meaning = component.getAnnotation(Meaning.class);
        if (meaning != null) {
            description.add(meaning.value());
        }
        NullWhen nullWhen = component.getAnnotation(NullWhen.class);
        if (nullWhen != null) {
            ArrayNode types = JSON.createArrayNode().add(node.get("type").asText()).add("null");
            node.set("type", types);
            if (node.has("enum")) {
                ((ArrayNode) node.get("enum")).addNull();
            }
            description.add("null when " + nullWhen.value());
        }
        if (!description.isEmpty()) {
            node.put("description", String.join("; ", description));
        }
        return reorder(node);
    }

    private static ObjectNode value(Type type) {
        ObjectNode node = JSON.createObjectNode();
        if (type == String.class) {
            node.put("type", "string");
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            node.put("type", "integer");
        } else if (type == boolean.class || type == Boolean.class) {
            node.put("type", "boolean");
        } else if (type == Instant.class) {
            node.put("type", "string").put("format", "date-time");
        } else if (type == Money.class) {
            node.put("type", "object");
            node.putArray("required").add("minor").add("currency");
            ObjectNode properties = node.putObject("properties");
            properties.putObject("minor").put("type", "integer")
                    .put("description", "the amount in minor units of the currency (cents, pence, yen)");
            properties.putObject("currency").put("type", "string").put("pattern", "^[A-Z]{3}$")
                    .put("description", "ISO 4217 currency code");
        } else if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            node.put("type", "array");
            node.set("items", value(generic.getActualTypeArguments()[0]));
        } else if (type instanceof Class<?> record && record.isRecord()) {
            node.setAll(object(record));
        } else {
            throw new IllegalStateException("no JSON Schema for " + type.getTypeName()
                    + ": the contract's data records hold strings, numbers, booleans, Instant, Money, lists "
                    + "and records");
        }
        return node;
    }

    /** type, description, then the rest: the order a reader looks for. */
    private static ObjectNode reorder(ObjectNode node) {
        ObjectNode ordered = JSON.createObjectNode();
        ordered.set("type", node.get("type"));
        if (node.has("description")) {
            ordered.set("description", node.get("description"));
        }
        node.fields().forEachRemaining(field -> {
            if (!ordered.has(field.getKey())) {
                ordered.set(field.getKey(), field.getValue());
            }
        });
        return ordered;
    }

    /** The JSON type of a property as the catalogue shows it, e.g. {@code string | null}, {@code array of object}. */
    static String shownType(JsonNode property) {
        String type = property.get("type").isArray()
                ? property.get("type").get(0).asText() + " | null" : property.get("type").asText();
        if ("array".equals(property.get("type").asText()) && property.has("items")) {
            return "array of " + shownType(property.get("items"));
        }
        if (property.has("format")) {
            return type + " (" + property.get("format").asText() + ")";
        }
        return type;
    }
}
