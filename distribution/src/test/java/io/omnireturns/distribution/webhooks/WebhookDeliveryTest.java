package io.omnireturns.distribution.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.distribution.DistributionIntegrationTest;
import io.omnireturns.platform.webhooks.StandardWebhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.omnireturns.distribution.webhooks.WebhookApi.INITIATED;
import static io.omnireturns.distribution.webhooks.WebhookApi.NEW_SECRET;
import static io.omnireturns.distribution.webhooks.WebhookApi.RECEIVED;
import static io.omnireturns.distribution.webhooks.WebhookApi.SECRET;
import static io.omnireturns.distribution.webhooks.WebhookApi.about;
import static io.omnireturns.distribution.webhooks.WebhookApi.signedWith;
import static io.omnireturns.distribution.webhooks.WebhookApi.typeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries to WireMock subscribers (test settings: 4 attempts, back-off 100 to 400 ms, read time-out 2 s): retried
 * until they get through, in order per return, signed; a slow subscriber holds up nobody else; 410 Gone switches a
 * subscription off; a dead letter holds its return's later deliveries back until operations redeliver it.
 */
@DistributionIntegrationTest
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    MeterRegistry meters;

    private WebhookApi api;
    private final List<WireMockServer> subscribers = new ArrayList<>();

    @BeforeEach
    void api() {
        api = new WebhookApi(rest, orders);
    }

    @AfterEach
    void stopSubscribers() {
        subscribers.forEach(WireMockServer::stop);
    }

    @Test
    void a_subscriber_that_fails_for_a_while_gets_every_event_in_order_and_signed() {
        WireMockServer flaky = subscriber();
        flaky.stubFor(post("/crm").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        flaky.stubFor(post("/crm").inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        flaky.stubFor(post("/crm").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));
        String subscription = api.subscribe(flaky.baseUrl() + "/crm");

        String returnId = api.requestReturn();
        api.receive(returnId);

        awaitDeliveries(subscription, returnId, log -> log.size() == 2
                && log.stream().allMatch(d -> d.path("state").asText().equals("DELIVERED")));
        List<LoggedRequest> requests = about(returnId, flaky.findAll(postRequestedFor(urlEqualTo("/crm"))));
        assertThat(requests).extracting(WebhookApi::typeOf).containsExactly(INITIATED, INITIATED, INITIATED, RECEIVED);
        assertThat(requests).allMatch(request -> signedWith(request, SECRET), "signed with the subscription's secret");
        assertThat(requests.subList(0, 3)).extracting(r -> r.getHeader(StandardWebhooks.ID_HEADER))
                .as("every attempt carries the event's id").containsOnly(requests.get(0)
                        .getHeader(StandardWebhooks.ID_HEADER));
        assertThat(requests.get(0).getHeader("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(WebhookApi.read(requests.get(3).getBodyAsString()).path("data").path("returnId").asText())
                .isEqualTo(returnId);
        assertThat(meters.get(WebhookMetrics.FAILURES).tag("subscription", subscription).counter().count())
                .isEqualTo(2);
    }

    @Test
    void a_slow_subscriber_does_not_hold_up_the_others() {
        WireMockServer slow = subscriber();
        slow.stubFor(post("/erp").willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        WireMockServer fast = subscriber();
        fast.stubFor(post("/bi").willReturn(aResponse().withStatus(200)));
        String slowSubscription = api.subscribe(slow.baseUrl() + "/erp");
        String fastSubscription = api.subscribe(fast.baseUrl() + "/bi");

        String returnId = api.requestReturn();
        api.receive(returnId);

        awaitDeliveries(fastSubscription, returnId, log -> log.size() == 2
                && log.stream().allMatch(d -> d.path("state").asText().equals("DELIVERED")));
        assertThat(about(returnId, fast.findAll(postRequestedFor(urlEqualTo("/bi")))))
                .extracting(WebhookApi::typeOf).containsSubsequence(INITIATED, RECEIVED).endsWith(RECEIVED);
        List<JsonNode> slowLog = deliveriesOf(slowSubscription, returnId);
        assertThat(slowLog).noneMatch(d -> d.path("state").asText().equals("DELIVERED"));
        assertThat(slowLog).filteredOn(d -> d.path("attempts").asInt() > 0)
                .allMatch(d -> d.path("lastError").asText().equals("no answer in time"), "timed out");
    }

    @Test
    void a_subscriber_answering_410_is_switched_off_and_sent_nothing_more() {
        WireMockServer gone = subscriber();
        gone.stubFor(post("/old").willReturn(aResponse().withStatus(410)));
        WireMockServer witness = subscriber();
        witness.stubFor(post("/bi").willReturn(aResponse().withStatus(200)));
        String goneSubscription = api.subscribe(gone.baseUrl() + "/old");
        String witnessSubscription = api.subscribe(witness.baseUrl() + "/bi");

        String first = api.requestReturn();
        await().atMost(PATIENCE).until(() -> api.subscription(goneSubscription).path("state").asText(),
                "DISABLED"::equals);
        api.receive(first);
        String second = api.requestReturn();

        awaitDeliveries(witnessSubscription, second, log -> log.size() == 1
                && log.get(0).path("state").asText().equals("DELIVERED"));
        awaitDeliveries(witnessSubscription, first, log -> log.size() == 2);
        assertThat(gone.findAll(postRequestedFor(urlEqualTo("/old")))).hasSize(1);
        JsonNode switchedOff = api.subscription(goneSubscription);
        assertThat(switchedOff.path("stateReason").asText()).contains("410");
        assertThat(api.deliveries(goneSubscription).path("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void a_dead_letter_holds_its_return_back_until_it_is_redelivered() {
        WireMockServer down = subscriber();
        down.stubFor(post("/erp").willReturn(aResponse().withStatus(500)));
        String subscription = api.subscribe(down.baseUrl() + "/erp");

        String returnId = api.requestReturn();
        api.receive(returnId);

        List<JsonNode> dead = awaitDeliveries(subscription, returnId, log -> log.size() == 2
                && log.stream().anyMatch(d -> d.path("state").asText().equals("DEAD")));
        JsonNode deadLetter = dead.stream().filter(d -> d.path("state").asText().equals("DEAD")).findFirst().orElseThrow();
        assertThat(deadLetter.path("eventType").asText()).isEqualTo(INITIATED);
        assertThat(deadLetter.path("attempts").asInt()).isEqualTo(4);
        assertThat(deadLetter.path("lastStatus").asInt()).isEqualTo(500);
        assertThat(about(returnId, down.findAll(postRequestedFor(urlEqualTo("/erp")))))
                .as("the received event waits behind the dead letter").extracting(WebhookApi::typeOf)
                .containsOnly(INITIATED).hasSize(4);
        JsonNode list = api.ok(api.call("operations", HttpMethod.GET,
                "/api/v1/webhooks/dead-letters?subscriptionId=" + subscription, null));
        assertThat(list.path("content")).extracting(d -> d.path("deliveryId").asLong())
                .containsExactly(deadLetter.path("deliveryId").asLong());
        await().atMost(PATIENCE).until(() -> meters.get(WebhookMetrics.DEAD_LETTERS).gauge().value() >= 1);
        assertThat(meters.get(WebhookMetrics.FAILURES).tag("subscription", subscription).counter().count())
                .isEqualTo(4);

        down.resetAll();
        down.stubFor(post("/erp").willReturn(aResponse().withStatus(200)));
        JsonNode redelivered = api.ok(api.call("operations", HttpMethod.POST, "/api/v1/webhooks/dead-letters/"
                + deadLetter.path("deliveryId").asLong() + "/redelivery", Map.of()));

        assertThat(redelivered.path("state").asText()).isEqualTo("PENDING");
        awaitDeliveries(subscription, returnId, log -> log.stream()
                .allMatch(d -> d.path("state").asText().equals("DELIVERED")));
        assertThat(about(returnId, down.findAll(postRequestedFor(urlEqualTo("/erp")))))
                .extracting(WebhookApi::typeOf).containsExactly(INITIATED, RECEIVED);
        assertThat(api.call("operations", HttpMethod.POST, "/api/v1/webhooks/dead-letters/"
                + deadLetter.path("deliveryId").asLong() + "/redelivery", Map.of()).getStatusCode().value())
                .as("no longer a dead letter").isEqualTo(404);
    }

    @Test
    void during_a_secret_rotation_deliveries_are_signed_with_both_secrets() {
        WireMockServer crm = subscriber();
        crm.stubFor(post("/crm").willReturn(aResponse().withStatus(200)));
        String subscription = api.subscribe(crm.baseUrl() + "/crm");
        api.ok(api.call("operations", HttpMethod.POST, "/api/v1/webhooks/subscriptions/" + subscription
                + "/secret-rotation", Map.of("secret", NEW_SECRET)));

        String returnId = api.requestReturn();

        awaitDeliveries(subscription, returnId, log -> log.size() == 1
                && log.get(0).path("state").asText().equals("DELIVERED"));
        LoggedRequest request = about(returnId, crm.findAll(postRequestedFor(urlEqualTo("/crm")))).get(0);
        assertThat(request.getHeader(StandardWebhooks.SIGNATURE_HEADER).split(" ")).hasSize(2);
        assertThat(signedWith(request, NEW_SECRET)).as("a subscriber on the new secret").isTrue();
        assertThat(signedWith(request, SECRET)).as("a subscriber still on the old one").isTrue();
    }

    private WireMockServer subscriber() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        subscribers.add(server);
        return server;
    }

    private List<JsonNode> deliveriesOf(String subscription, String returnId) {
        List<JsonNode> mine = new ArrayList<>();
        api.deliveries(subscription).path("content").forEach(d -> {
            if (d.path("returnId").asText().equals(returnId)) {
                mine.add(d);
            }
        });
        return mine;
    }

    private List<JsonNode> awaitDeliveries(String subscription, String returnId, Predicate<List<JsonNode>> done) {
        return await().atMost(PATIENCE).until(() -> deliveriesOf(subscription, returnId), done);
    }
}
