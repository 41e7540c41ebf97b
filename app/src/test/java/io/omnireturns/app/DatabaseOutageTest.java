package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.omnireturns.app.ApiClient.line;
import static io.omnireturns.app.ApiClient.received;
import static io.omnireturns.app.ApiClient.receipt;
import static io.omnireturns.app.ApiClient.webReturn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL, run by the test as the service's external database, is stopped under the running service and
 * started again on the same port and data: meanwhile every kind of call (a new return through the idempotency
 * ledger, a command through Axon, a query, an admin read) fails fast with 503 DATABASE_UNAVAILABLE and health and
 * readiness say DOWN; afterwards the service recovers without a restart: health UP, every processor holds its
 * segments again, a return from before the outage and one from after complete, and a deadline (a step retry on
 * db-scheduler) fires.
 * <p>
 * The request gate is off here: calls must fail fast on their own (pool and driver time-outs, the cause chain mapped
 * to 503), not only because the probe already closed the door.
 */
class DatabaseOutageTest {

    /** The bound for a call during an outage (Hikari waits 1 s for a connection; the rest is headroom). */
    private static final Duration FAIL_FAST = Duration.ofSeconds(2);

    @TempDir
    Path dataDir;

    private EmbeddedPostgres postgres;
    private int port;

    @AfterEach
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void while_the_database_is_down_calls_fail_fast_with_503_and_health_is_down_and_afterwards_everything_recovers()
            throws IOException {
        startPostgres();
        try (ConfigurableApplicationContext service = startService()) {
            assertThat(((HikariDataSource) service.getBean(DataSource.class)).getDataSourceProperties())
                    .as("the driver's time-outs reach it").containsEntry("connectTimeout", "2")
                    .containsEntry("socketTimeout", "10");
            ApiClient api = client(service);
            ProcessDriver driver = new ProcessDriver(api);
            String before = requestReturn(api, "ORD-1001", "ORD-1001-L1");
            driver.awaitView(before, view -> "LABEL_ISSUED".equals(
                    ProcessDriver.system(view, "CARRIER").path("state").asText()));
            await().atMost(Duration.ofSeconds(30)).until(() -> processorsHoldTheirSegments(api));

            postgres.close();
            postgres = null;

            String idempotencyKey = UUID.randomUUID().toString();
            assertFailsFastAsUnavailable(() -> api.requestReturn(idempotencyKey,
                    webReturn("ORD-1008", line("ORD-1008-L1", 1, "SIZE_OR_FIT"))));
            assertFailsFastAsUnavailable(() -> api.post("/api/v1/returns/" + before + "/receipts",
                    receipt("RCPT-OUTAGE", "DC-EAST", received("ORD-1001-L1", 1))));
            assertFailsFastAsUnavailable(() -> api.get("/api/v1/returns/" + before));
            assertFailsFastAsUnavailable(() -> api.get("/api/v1/returns?orderId=ORD-1001&page=0&size=20"));
            assertFailsFastAsUnavailable(() -> api.get("/api/v1/exceptions"));
            assertFailsFastAsUnavailable(() -> api.get("/api/v1/admin/processors"));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode health = answersFast(() -> api.get("/actuator/health")).getBody();
                assertThat(health.path("status").asText()).isEqualTo("DOWN");
                assertThat(health.at("/components/db/status").asText()).isEqualTo("DOWN");
                assertThat(answersFast(() -> api.get("/actuator/health/readiness")).getBody().path("status").asText())
                        .isEqualTo("DOWN");
            });

            startPostgres();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ResponseEntity<JsonNode> health = api.get("/actuator/health");
                assertThat(health.getStatusCode().value()).as(String.valueOf(health.getBody())).isEqualTo(200);
                assertThat(api.get("/actuator/health/readiness").getBody().path("status").asText()).isEqualTo("UP");
            });
            // processors out of their back-off claim again; the balancer hands segments out on its next heartbeat
            await().atMost(Duration.ofSeconds(30)).until(() -> processorsHoldTheirSegments(api));

            // the same key answers now: the failed attempt left nothing half-done behind it
            ResponseEntity<JsonNode> after = api.requestReturn(idempotencyKey,
                    webReturn("ORD-1008", line("ORD-1008-L1", 1, "SIZE_OR_FIT")));
            assertThat(after.getStatusCode().value()).as(String.valueOf(after.getBody())).isEqualTo(201);
            String afterId = after.getBody().path("returnId").asText();

            // the refund fails once, so only the process's retry (after its back-off) can complete the return
            SandboxPaymentGateway payments = service.getBean(SandboxPaymentGateway.class);
            payments.behaviour().setFailureRate(1.0);
            driver.receiveAndInspect(before, "DC-EAST", Map.of("ORD-1001-L1", 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> hasEvent(api, before, "StepAttemptFailed"));
            payments.behaviour().setFailureRate(0);
            driver.receiveAndInspectWhenLabelled(afterId, "DC-EAST", Map.of("ORD-1008-L1", 1));
            for (String returnId : List.of(before, afterId)) {
                JsonNode view = driver.awaitStatus(returnId, "COMPLETED", "ON_HOLD");
                assertThat(view.path("status").asText()).as(view.toString()).isEqualTo("COMPLETED");
            }
        }
    }

    private void assertFailsFastAsUnavailable(Supplier<ResponseEntity<JsonNode>> call) {
        ResponseEntity<JsonNode> answer = answersFast(call);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(503);
        assertThat(answer.getBody().path("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    private static ResponseEntity<JsonNode> answersFast(Supplier<ResponseEntity<JsonNode>> call) {
        long started = System.nanoTime();
        ResponseEntity<JsonNode> answer = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThanOrEqualTo(FAIL_FAST);
        return answer;
    }

    private static boolean processorsHoldTheirSegments(ApiClient api) {
        JsonNode processors = api.get("/actuator/health").getBody().at("/components/eventProcessors/components");
        if (processors.isMissingNode() || processors.isEmpty()) {
            return false;
        }
        for (JsonNode processor : processors) {
            if (!"UP".equals(processor.path("status").asText())
                    || processor.at("/details/segmentsClaimed").asInt(0) < 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasEvent(ApiClient api, String returnId, String type) {
        return api.get("/api/v1/returns/" + returnId + "/history").getBody().toString().contains(type);
    }

    private static String requestReturn(ApiClient api, String orderId, String orderLineId) {
        JsonNode answer = api.requestReturn(UUID.randomUUID().toString(),
                webReturn(orderId, line(orderLineId, 1, "SIZE_OR_FIT"))).getBody();
        assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("AUTHORIZED");
        return answer.path("returnId").asText();
    }

    /** Its own data folder, on a free port the first time and on the same port again after the stop. */
    private void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        port = postgres.getPort();
    }

    private ConfigurableApplicationContext startService() {
        return new SpringApplicationBuilder(OmniReturnsApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--omnireturns.security.mode=demo",
                "--omnireturns.database.outage.gate-requests=false",
                "--omnireturns.process.step-retry-backoff=200ms",
                "--db-scheduler.polling-interval=100ms");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        int serverPort = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        return new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + serverPort)));
    }
}
