package io.omnireturns.distribution.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.distribution.DistributionIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.omnireturns.distribution.webhooks.WebhookApi.INITIATED;
import static io.omnireturns.distribution.webhooks.WebhookApi.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the dispatcher's poll an hour apart, deliveries still go at once: the node that recorded them wakes its
 * dispatcher after the commit, and a delivered one wakes it for the return's next.
 */
@DistributionIntegrationTest
@TestPropertySource(properties = "omnireturns.webhooks.delivery.poll-interval=1h")
class WebhookWakeUpTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SandboxOrderSystem orders;

    private final WireMockServer subscriber = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @AfterEach
    void stop() {
        subscriber.stop();
    }

    @Test
    void recorded_deliveries_and_each_return_s_next_one_go_out_without_waiting_for_the_poll() {
        subscriber.start();
        subscriber.stubFor(post("/crm").willReturn(aResponse().withStatus(204)));
        WebhookApi api = new WebhookApi(rest, orders);
        String subscription = api.subscribe(subscriber.baseUrl() + "/crm");

        String returnId = api.requestReturn();
        api.receive(returnId);

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveriesOf(api, subscription, returnId),
                log -> log.size() == 2 && log.stream().allMatch(d -> d.path("state").asText().equals("DELIVERED")));
        assertThat(subscriber.findAll(postRequestedFor(urlEqualTo("/crm"))))
                .filteredOn(request -> request.getBodyAsString().contains(returnId))
                .extracting(WebhookApi::typeOf).containsExactly(INITIATED, RECEIVED);
    }

    private static List<JsonNode> deliveriesOf(WebhookApi api, String subscription, String returnId) {
        List<JsonNode> mine = new ArrayList<>();
        api.deliveries(subscription).path("content").forEach(d -> {
            if (d.path("returnId").asText().equals(returnId)) {
                mine.add(d);
            }
        });
        return mine;
    }
}
