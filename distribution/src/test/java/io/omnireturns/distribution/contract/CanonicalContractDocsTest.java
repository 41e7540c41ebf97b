package io.omnireturns.distribution.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalType;
import io.omnireturns.api.integration.CanonicalTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed contract documents are the code's: a JSON Schema per canonical type under
 * {@code docs/events/schemas/}, generated from the data records, and the catalogue {@code docs/integration-events.md}.
 * A changed record, type or meaning without regenerated documents fails the build; the example events, as
 * {@link CloudEventJson} writes them, must be valid against the committed schemas.
 * {@code -Dintegration-events.write=true} rewrites the documents instead (see {@link IntegrationEventCatalogue#REGENERATE}).
 */
class CanonicalContractDocsTest {

    private static final boolean WRITE = Boolean.getBoolean("integration-events.write");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final CloudEventJson cloudEvents = new CloudEventJson();

    private static Path schemaFolder() {
        return RepositoryDocs.path("events/schemas");
    }

    private static Schema committedSchema(String type) throws IOException {
        return SCHEMAS.getSchema(Files.readString(schemaFolder().resolve(type + ".json"), StandardCharsets.UTF_8));
    }

    /** With {@code -Dintegration-events.write=true}: the schemas and the catalogue are rewritten before any check. */
    @BeforeAll
    static void regenerate_the_documents_when_asked() throws IOException {
        if (!WRITE) {
            return;
        }
        Path folder = schemaFolder();
        Files.createDirectories(folder);
        try (Stream<Path> stale = Files.list(folder)) {
            for (Path file : stale.toList()) {
                Files.delete(file);
            }
        }
        for (CanonicalType type : CanonicalTypes.ALL) {
            Files.writeString(folder.resolve(CanonicalSchemas.fileName(type)), CanonicalSchemas.text(type),
                    StandardCharsets.UTF_8);
        }
        Files.writeString(RepositoryDocs.path(IntegrationEventCatalogue.FILE), IntegrationEventCatalogue.render(),
                StandardCharsets.UTF_8);
    }

    @Test
    void the_committed_schemas_are_the_ones_generated_from_the_data_records_one_per_type() throws IOException {
        Path folder = schemaFolder();
        Set<String> committedFiles;
        try (Stream<Path> files = Files.list(folder)) {
            committedFiles = files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(committedFiles).as("docs/events/schemas holds one schema per type of CanonicalTypes.ALL")
                .isEqualTo(CanonicalTypes.ALL.stream().map(CanonicalSchemas::fileName)
                        .collect(Collectors.toCollection(TreeSet::new)));
        for (CanonicalType type : CanonicalTypes.ALL) {
            assertThat(Files.readString(folder.resolve(CanonicalSchemas.fileName(type)), StandardCharsets.UTF_8))
                    .as("docs/events/schemas/" + CanonicalSchemas.fileName(type) + " differs from "
                            + type.dataType().getSimpleName() + "; regenerate with: "
                            + IntegrationEventCatalogue.REGENERATE)
                    .isEqualTo(CanonicalSchemas.text(type));
        }
    }

    @Test
    void the_committed_catalogue_is_the_one_generated_from_the_contract() throws IOException {
        Path committed = RepositoryDocs.path(IntegrationEventCatalogue.FILE);
        String generated = IntegrationEventCatalogue.render();

        assertThat(committed).exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("docs/integration-events.md is out of date; regenerate it with: "
                        + IntegrationEventCatalogue.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void every_example_event_is_valid_against_its_committed_schema_and_carries_exactly_its_fields() throws IOException {
        List<CanonicalEvent> examples = CanonicalExamples.events();
        assertThat(examples.stream().map(CanonicalEvent::type).distinct())
                .as("the catalogue shows an example of every type")
                .containsExactlyInAnyOrderElementsOf(CanonicalTypes.ALL.stream().map(CanonicalType::name).toList());

        for (CanonicalEvent event : examples) {
            JsonNode document = JSON.readTree(cloudEvents.write(event));
            JsonNode data = document.get("data");
            List<Error> errors = committedSchema(event.type()).validate(data);
            assertThat(errors).as(event.type() + " example " + data).isEmpty();

            JsonNode schemaProperties = JSON.readTree(schemaFolder().resolve(event.type() + ".json").toFile())
                    .get("properties");
            assertThat(fieldNames(data)).as(event.type() + ": data fields and schema properties")
                    .isEqualTo(fieldNames(schemaProperties));
            assertThat(document.get("dataschema").asText())
                    .isEqualTo(JSON.readTree(schemaFolder().resolve(event.type() + ".json").toFile())
                            .get("$id").asText());
        }
    }

    @Test
    void a_committed_schema_refuses_data_that_breaks_the_contract() throws IOException {
        CanonicalEvent refundIssued = CanonicalExamples.events().stream()
                .filter(event -> event.type().equals(CanonicalTypes.REFUND_ISSUED)).findFirst().orElseThrow();
        Schema schema = committedSchema(CanonicalTypes.REFUND_ISSUED);
        ObjectNode data = (ObjectNode) JSON.readTree(cloudEvents.write(refundIssued)).get("data");

        ObjectNode decimalMoney = data.deepCopy();
        ((ObjectNode) decimalMoney.get("amount")).put("minor", 95.36);
        ObjectNode missingReference = data.deepCopy();
        missingReference.remove("gatewayReference");
        ObjectNode lowerCaseCurrency = data.deepCopy();
        ((ObjectNode) lowerCaseCurrency.get("amount")).put("currency", "eur");

        assertThat(schema.validate(decimalMoney)).isNotEmpty();
        assertThat(schema.validate(missingReference)).isNotEmpty();
        assertThat(schema.validate(lowerCaseCurrency)).isNotEmpty();

        ObjectNode hold = (ObjectNode) JSON.readTree(cloudEvents.write(CanonicalExamples.events().stream()
                .filter(event -> event.type().equals(CanonicalTypes.HOLD_PLACED)).findFirst().orElseThrow()))
                .get("data");
        assertThat(committedSchema(CanonicalTypes.HOLD_PLACED).validate(hold.deepCopy().put("reason", "BORED")))
                .as("a value outside the closed list").isNotEmpty();
        assertThat(committedSchema(CanonicalTypes.HOLD_PLACED).validate(hold.deepCopy().putNull("system")))
                .as("system may be null (a hold by hand)").isEmpty();
    }

    private static Set<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return new TreeSet<>(names);
    }
}
