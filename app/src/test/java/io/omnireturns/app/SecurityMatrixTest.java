package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the served API document, called by every role and by nobody, answers as docs/security.md's
 * matrix says: allowed roles get past the security filter (whatever the controller then answers), the others get
 * 403 ACCESS_DENIED, and a caller without credentials 401 UNAUTHENTICATED. The calls carry harmless arguments (ids
 * that do not exist, a period that does not parse, empty bodies) so that nothing changes.
 */
@AppIntegrationTest
class SecurityMatrixTest {

    /** One demo user per role (docs/security.md). */
    static final Map<String, String> USER_OF_ROLE = new LinkedHashMap<>();

    static {
        USER_OF_ROLE.put("CHANNEL", "web-shop");
        USER_OF_ROLE.put("STORE_ASSOCIATE", "store-001");
        USER_OF_ROLE.put("WAREHOUSE", "warehouse");
        USER_OF_ROLE.put("SERVICE_AGENT", "service-agent");
        USER_OF_ROLE.put("FINANCE", "finance");
        USER_OF_ROLE.put("AUDITOR", "auditor");
        USER_OF_ROLE.put("OPERATIONS", "operations");
        USER_OF_ROLE.put("ADMIN", "admin");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBHOOKS = "POST /api/v1/integrations/{system}/events";
    /** Endpoints served outside the API document that the matrix also governs. */
    private static final List<String> OUTSIDE_THE_DOCUMENT = List.of("GET /actuator/prometheus");

    @Autowired
    TestRestTemplate rest;

    @Test
    void every_endpoint_answers_every_role_as_the_documented_matrix_says() throws IOException {
        Map<String, Set<String>> matrix = documentedMatrix();
        List<String> endpoints = servedEndpoints();
        endpoints.remove(WEBHOOKS);
        endpoints.addAll(OUTSIDE_THE_DOCUMENT);

        assertThat(matrix.keySet()).as("docs/security.md lists exactly the served endpoints (webhooks are HMAC-signed)")
                .containsExactlyInAnyOrderElementsOf(endpoints);

        ApiClient api = new ApiClient(rest);
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints) {
            HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
            String path = harmless(endpoint.substring(endpoint.indexOf(' ') + 1));
            Object body = method == HttpMethod.POST ? Map.of() : null;

            int anonymous = api.anonymous().exchange(method, path, body).getStatusCode().value();
            if (anonymous != 401) {
                wrong.add(endpoint + " without credentials answered " + anonymous);
            }
            for (Map.Entry<String, String> role : USER_OF_ROLE.entrySet()) {
                ResponseEntity<JsonNode> answer = api.as(role.getValue()).exchange(method, path, body);
                int status = answer.getStatusCode().value();
                boolean allowed = matrix.get(endpoint).contains(role.getKey());
                if (allowed && (status == 401 || status == 403)) {
                    wrong.add(endpoint + " refused " + role.getKey() + " (" + status + "), the matrix allows it");
                }
                if (!allowed && !(status == 403 && "ACCESS_DENIED".equals(answer.getBody().path("code").asText()))) {
                    wrong.add(endpoint + " answered " + role.getKey() + " with " + status + ", the matrix refuses it");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void health_the_api_document_and_the_signed_webhooks_need_no_credentials() {
        ApiClient anonymous = new ApiClient(rest).anonymous();

        assertThat(anonymous.exchange(HttpMethod.GET, "/actuator/health", null).getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(200);
        // past the security filter: the webhook controller itself refuses the missing signature
        ResponseEntity<JsonNode> unsigned = anonymous.exchange(HttpMethod.POST, "/api/v1/integrations/carrier/events",
                Map.of("eventId", "E-1"));
        assertThat(unsigned.getBody().path("code").asText()).isIn("MISSING_HEADER", "INVALID_SIGNATURE");
    }

    @Test
    void head_on_a_read_endpoint_follows_its_get_rule() throws IOException {
        Map<String, Set<String>> matrix = documentedMatrix();
        List<String> wrong = new ArrayList<>();
        for (String endpoint : List.of("GET /api/v1/audit/events", "GET /api/v1/returns/{returnId}",
                "GET /api/v1/admin/processors")) {
            String path = harmless(endpoint.substring(endpoint.indexOf(' ') + 1));
            for (Map.Entry<String, String> role : USER_OF_ROLE.entrySet()) {
                int status = rest.withBasicAuth(role.getValue(), "demo")
                        .exchange(path, HttpMethod.HEAD, null, Void.class).getStatusCode().value();
                boolean allowed = matrix.get(endpoint).contains(role.getKey());
                if (allowed == (status == 401 || status == 403)) {
                    wrong.add("HEAD " + path + " answered " + role.getKey() + " with " + status
                            + (allowed ? ", GET is allowed" : ", GET is refused"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void wrong_credentials_are_refused_with_a_problem_and_a_challenge() {
        ResponseEntity<String> answer = rest.withBasicAuth("admin", "not-the-password")
                .getForEntity("/api/v1/returns", String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(answer.getBody()).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    /** Path variables become values that name nothing, so an allowed call changes nothing. */
    private static String harmless(String path) {
        return path.replace("{period}", "not-a-period")
                .replace("{name}", "no-such-processor")
                .replace("{view}", "no-such-view")
                .replaceAll("\\{[^}]+}", "DOES-NOT-EXIST");
    }

    private List<String> servedEndpoints() throws IOException {
        JsonNode document = JSON.readTree(rest.getForObject("/v3/api-docs", String.class));
        List<String> endpoints = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> endpoints.add(method.toUpperCase() + " " + path.getKey())));
        return endpoints;
    }

    /** The table between the matrix markers of docs/security.md: endpoint to the roles it admits. */
    static Map<String, Set<String>> documentedMatrix() throws IOException {
        List<String> lines = Files.readAllLines(OpenApiContractTest.repositoryRoot().resolve("docs/security.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("<!-- matrix:start -->");
        int end = lines.indexOf("<!-- matrix:end -->");
        assertThat(start).as("matrix markers in docs/security.md").isNotNegative().isLessThan(end);
        List<String> header = cells(lines.get(start + 1));
        Map<String, Set<String>> matrix = new LinkedHashMap<>();
        for (String row : lines.subList(start + 3, end)) {
            List<String> cells = cells(row);
            Set<String> roles = new TreeSet<>();
            for (int column = 2; column < cells.size(); column++) {
                if ("yes".equals(cells.get(column))) {
                    roles.add(header.get(column));
                }
            }
            matrix.put(cells.get(0) + " " + cells.get(1).replace("`", ""), roles);
        }
        return matrix;
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.strip().replaceAll("^\\||\\|$", "").split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
