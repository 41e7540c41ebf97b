package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.omnireturns.app.ApiClient.line;
import static io.omnireturns.app.ApiClient.webReturn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops the whole service and starts it again on the same data folder: every return is still there, and
 * returns the status view had not yet seen before the stop appear once the projection catches up.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void a_restart_keeps_every_return_and_the_status_view_catches_up() {
        List<String> seenBeforeStop = new ArrayList<>();
        List<String> unseenBeforeStop = new ArrayList<>();
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            for (int i = 0; i < 3; i++) {
                seenBeforeStop.add(requestReturn(api, "ORD-1008-L1"));
            }
            for (String returnId : seenBeforeStop) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> api.get("/api/v1/returns/" + returnId).getStatusCode().is2xxSuccessful());
            }
            // the status view falls behind: its processor stops while returns keep coming in
            EventProcessor statusProcessor = first.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("return-status").orElseThrow();
            statusProcessor.shutDown();
            for (int i = 0; i < 2; i++) {
                unseenBeforeStop.add(requestReturn(api, "ORD-1001-L3"));
            }
            for (String returnId : unseenBeforeStop) {
                assertThat(api.get("/api/v1/returns/" + returnId).getStatusCode().value()).isEqualTo(404);
            }
        }

        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = client(second);
            List<String> all = new ArrayList<>(seenBeforeStop);
            all.addAll(unseenBeforeStop);
            for (String returnId : all) {
                JsonNode view = await().atMost(Duration.ofSeconds(30)).until(
                        () -> api.get("/api/v1/returns/" + returnId), r -> r.getStatusCode().is2xxSuccessful()).getBody();
                assertThat(view.path("status").asText()).isEqualTo("AUTHORIZED");
            }
            // the aggregates were rebuilt from the stored events: they still refuse what they refused before
            JsonNode overReturn = api.requestReturn(UUID.randomUUID().toString(),
                    webReturn("ORD-1008", line("ORD-1008-L1", 3, "SIZE_OR_FIT"))).getBody();
            assertThat(overReturn.path("status").asText()).isEqualTo("REJECTED");
        }
    }

    private String requestReturn(ApiClient api, String orderLineId) {
        String orderId = orderLineId.substring(0, orderLineId.lastIndexOf("-L"));
        JsonNode answer = api.requestReturn(UUID.randomUUID().toString(),
                webReturn(orderId, line(orderLineId, 1, "SIZE_OR_FIT"))).getBody();
        assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("AUTHORIZED");
        return answer.path("returnId").asText();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OmniReturnsApplication.class)
                .run("--server.port=0", "--omnireturns.database.embedded.data-dir=" + dataDir.resolve("postgres"));
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        return new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }
}
