package io.omnireturns.distribution.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalEventTranslator;
import io.omnireturns.api.integration.CanonicalType;
import io.omnireturns.api.integration.CanonicalTypes;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@code docs/integration-events.md}: the contract's rules, the envelope, and per type its meaning, the
 * internal events it comes from, its fields (from the generated schema) and a full CloudEvents example written by
 * {@link CloudEventJson}; then the internal events that are not published, and why.
 */
final class IntegrationEventCatalogue {

    static final String FILE = "integration-events.md";

    static final String REGENERATE = "mvn -B -pl distribution -am test -Dtest=CanonicalContractDocsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dintegration-events.write=true";

    private IntegrationEventCatalogue() {
    }

    static String render() {
        CloudEventJson cloudEvents = new CloudEventJson();
        Map<String, CanonicalEvent> exampleByType = new LinkedHashMap<>();
        Map<String, Set<String>> sourcesByType = new LinkedHashMap<>();
        for (CanonicalExamples.Example example : CanonicalExamples.all()) {
            for (CanonicalEvent event : example.canonical()) {
                exampleByType.putIfAbsent(event.type(), event);
                sourcesByType.computeIfAbsent(event.type(), type -> new TreeSet<>())
                        .add(example.internal().getClass().getSimpleName());
            }
        }
        StringBuilder out = new StringBuilder();
        introduction(out);
        out.append("## Types\n\n| type | data | meaning |\n|---|---|---|\n");
        for (CanonicalType type : CanonicalTypes.ALL) {
            out.append("| [`").append(type.name()).append("`](#").append(type.name().replace(".", ""))
                    .append(") | `").append(type.dataType().getSimpleName()).append("` | ").append(type.meaning())
                    .append(" |\n");
        }
        for (CanonicalType type : CanonicalTypes.ALL) {
            typeSection(out, type, sourcesByType.getOrDefault(type.name(), Set.of()),
                    cloudEvents.writePretty(exampleByType.get(type.name())));
        }
        out.append("\n## Internal events that are not published\n\n")
                .append("Every stored event is either translated above or listed here (`CanonicalContractCoverageTest` ")
                .append("fails on one that is neither).\n\n| internal event | why it is not published |\n|---|---|\n");
        CanonicalEventTranslator.INTERNAL_ONLY.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Class::getSimpleName)))
                .forEach(entry -> out.append("| `").append(entry.getKey().getSimpleName()).append("` | ")
                        .append(entry.getValue()).append(" |\n"));
        return out.toString();
    }

    private static void introduction(StringBuilder out) {
        out.append("# Integration events: the public contract\n\n")
                .append("What the retailer's other systems (CRM, analytics, ERP, SaaS tools) are told when a return ")
                .append("changes, as CloudEvents 1.0 JSON. These events are kept apart from the internal events of ")
                .append("[event-catalogue.md](event-catalogue.md): one translation layer ")
                .append("(`CanonicalEventTranslator` in `shared-api`) maps the internal events to them, so the ")
                .append("internal events can change without breaking a consumer.\n\n")
                .append("Generated from the code (`CanonicalTypes`, the `...V1` records, `CloudEventJson`); do not ")
                .append("edit by hand. `CanonicalContractDocsTest` fails when this file or a schema under ")
                .append("[events/schemas/](events/schemas/) differs from the code; regenerate both with\n\n")
                .append("```bash\n").append(REGENERATE).append("\n```\n\n")
                .append("## Contract rules\n\n")
                .append("- **Versioned types.** `type` is `io.omnireturns.return.<what happened>.v<N>`. Within a ")
                .append("version fields may be added, never removed, renamed or given another meaning: a consumer ")
                .append("ignores fields it does not know. A breaking change is a new type (`.v2`), published beside ")
                .append("the old one for as long as consumers need it.\n")
                .append("- **Ids for de-duplication.** `id` is stable: the same internal event always gives the same ")
                .append("id, also when events are published again. Delivery is at least once; a consumer ")
                .append("de-duplicates on `id`. One internal event usually gives one event with the internal ")
                .append("event's id; when it gives more, the first keeps that id and the next ones add `#2`, `#3`.\n")
                .append("- **Order per return.** `subject` is the return id (the Kafka key). `sequence` is the ")
                .append("internal event's position in the return's stream, zero-padded to 19 digits so that string ")
                .append("order is stream order (the CloudEvents sequence extension). Events of one return arrive in ")
                .append("`sequence` order; events sharing a sequence come in `id` order. Different returns are not ")
                .append("ordered against each other. Positions may have gaps: internal-only events are not ")
                .append("published.\n")
                .append("- **Money is exact.** Every amount is `{\"minor\": <integer>, \"currency\": \"<ISO 4217>\"}`: ")
                .append("minor units (cents, pence, yen) of one currency, never a decimal or a float.\n")
                .append("- **No personal data** beyond the pseudonymous `customerId`: no names, e-mail or postal ")
                .append("addresses, phone numbers, tracking numbers or label links, payment references of the order, ")
                .append("fraud scores, staff names, or text typed by people (notes, reasons, messages).\n")
                .append("- **Closed lists.** Fields with an `enum` in their schema take only those values; a new ")
                .append("value is announced as a schema change.\n")
                .append("- **Schemas.** `dataschema` names the JSON Schema (draft 2020-12) of `data`: ")
                .append("`").append(CloudEventJson.DEFAULT_SCHEMA_BASE).append("<type>` is the `$id` of ")
                .append("`docs/events/schemas/<type>.json` (a deployment that serves the schemas over HTTPS may use ")
                .append("its own base).\n\n")
                .append("## Envelope\n\n| attribute | value |\n|---|---|\n")
                .append("| `specversion` | `").append(CanonicalEvent.SPEC_VERSION).append("` |\n")
                .append("| `id` | stable event id, the de-duplication key |\n")
                .append("| `source` | `").append(CanonicalEvent.SOURCE).append("` |\n")
                .append("| `type` | the versioned type below |\n")
                .append("| `subject` | the return id |\n")
                .append("| `time` | when the internal event was stored (RFC 3339, UTC) |\n")
                .append("| `datacontenttype` | `").append(CanonicalEvent.DATA_CONTENT_TYPE).append("` |\n")
                .append("| `dataschema` | `").append(CloudEventJson.DEFAULT_SCHEMA_BASE).append("<type>` |\n")
                .append("| `sequence` | position in the return's stream, 19 digits, zero-padded (extension) |\n")
                .append("| `data` | the type's fields below |\n\n");
    }

    private static void typeSection(StringBuilder out, CanonicalType type, Set<String> sources, String example) {
        JsonNode schema = CanonicalSchemas.schema(type);
        out.append("\n### ").append(type.name()).append("\n\n").append(type.meaning()).append("\n\n")
                .append("Data `").append(type.dataType().getSimpleName()).append("`, schema [")
                .append(CanonicalSchemas.fileName(type)).append("](events/schemas/")
                .append(CanonicalSchemas.fileName(type)).append("). From the internal ")
                .append(sources.size() == 1 ? "event " : "events ")
                .append(String.join(", ", sources.stream().map(name -> "`" + name + "`").toList()))
                .append(".\n\n| field | type | notes |\n|---|---|---|\n");
        fields(out, schema, "");
        out.append("\n```json\n").append(example).append("\n```\n");
    }

    private static void fields(StringBuilder out, JsonNode objectSchema, String prefix) {
        objectSchema.get("properties").fields().forEachRemaining(field -> {
            JsonNode property = field.getValue();
            boolean money = isMoney(property);
            out.append("| `").append(prefix).append(field.getKey()).append("` | ")
                    .append(money ? "money" + (property.get("type").isArray() ? " \\| null" : "")
                            : CanonicalSchemas.shownType(property).replace("|", "\\|"))
                    .append(" | ").append(notes(property)).append(" |\n");
            JsonNode items = property.get("items");
            if (items != null && items.has("properties") && !isMoney(items)) {
                fields(out, items, prefix + field.getKey() + "[].");
            } else if (property.has("properties") && !money) {
                fields(out, property, prefix + field.getKey() + ".");
            }
        });
    }

    private static boolean isMoney(JsonNode property) {
        return property.has("properties") && property.get("properties").has("minor")
                && property.get("properties").has("currency");
    }

    private static String notes(JsonNode property) {
        StringBuilder notes = new StringBuilder();
        JsonNode values = property.has("enum") ? property.get("enum")
                : property.has("items") && property.get("items").has("enum") ? property.get("items").get("enum")
                : null;
        if (values != null) {
            notes.append("one of");
            values.forEach(value -> {
                if (!value.isNull()) {
                    notes.append(" `").append(value.asText()).append("`");
                }
            });
        }
        if (property.has("description")) {
            notes.append(notes.length() > 0 ? "; " : "").append(property.get("description").asText());
        }
        return notes.toString();
    }
}
