package io.omnireturns.app;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versioned contract: the API document the running service serves is the one committed in
 * {@code docs/openapi.json}, so a changed endpoint, parameter, schema or error answer cannot slip through unnoticed.
 * {@code -Dopenapi.write=true} rewrites the committed file from the running service instead.
 */
@AppIntegrationTest
class OpenApiContractTest {

    static final String REGENERATE =
            "mvn -B -q install -DskipTests && mvn -B -pl app test -Dtest=OpenApiContractTest -Dopenapi.write=true";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Test
    void the_served_api_document_is_the_committed_one() throws IOException {
        String served = canonical(rest.getForObject("/v3/api-docs", String.class));
        Path committed = repositoryRoot().resolve("docs").resolve("openapi.json");
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(committed, served, StandardCharsets.UTF_8);
        }

        assertThat(committed).exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("docs/openapi.json differs from the API the code serves; if the change is intended, "
                        + "regenerate it with: " + REGENERATE)
                .isEqualTo(served);
    }

    @Test
    void every_error_answer_of_every_operation_is_a_problem_with_a_stable_code() throws IOException {
        JsonNode document = JSON.readTree(rest.getForObject("/v3/api-docs", String.class));

        assertThat(document.at("/components/schemas/Problem/properties/code/type").asText()).isEqualTo("string");
        List<String> errorAnswers = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        errorAnswers.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                        assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                                .as(errorAnswers.get(errorAnswers.size() - 1))
                                .isEqualTo("#/components/schemas/Problem");
                    }
                })));
        assertThat(errorAnswers).anyMatch(answer -> answer.startsWith("get /api/v1/returns/{returnId} 404"));
        assertThat(document.at("/paths/~1api~1v1~1returns~1{returnId}/get/responses/404/x-error-codes/0").asText())
                .isEqualTo("RETURN_NOT_FOUND");
    }

    @Test
    void every_error_code_an_operation_names_is_in_the_one_catalogue() throws IOException {
        JsonNode document = JSON.readTree(rest.getForObject("/v3/api-docs", String.class));
        java.util.Set<String> roles = java.util.Arrays.stream(io.omnireturns.platform.security.Role.values())
                .map(Enum::name).collect(java.util.stream.Collectors.toSet());

        List<String> uncatalogued = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fields().forEachRemaining(response ->
                        response.getValue().path("x-error-codes").forEach(code -> {
                            if (!roles.contains(code.asText())
                                    && io.omnireturns.api.error.ErrorCode.of(code.asText()).isEmpty()) {
                                uncatalogued.add(operation.getKey() + " " + path.getKey() + ": " + code.asText());
                            }
                        }))));
        assertThat(uncatalogued).as("codes missing from io.omnireturns.api.error.ErrorCode").isEmpty();
        assertThat(document.at("/components/schemas/Problem/properties/code/enum").size())
                .isEqualTo(io.omnireturns.api.error.ErrorCode.values().length);
    }

    /**
     * The document as committed: keys sorted at every level, pretty-printed, without the server URL (it names the
     * random port of the test).
     */
    static String canonical(String apiDocument) throws IOException {
        JsonNode tree = JSON.readTree(apiDocument);
        ((ObjectNode) tree).remove("servers");
        Object sorted = JSON.convertValue(tree, Map.class);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        return JSON.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writer(printer).writeValueAsString(sorted) + "\n";
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("app")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the omnireturns checkout");
        }
        return dir;
    }
}
