package io.omnireturns.distribution.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalEventTranslator;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a store and its counter through the public API (a fresh copy of a demo web order returned at the store and
 * received there), and says which canonical events the store's events of a return translate to.
 */
final class ReturnsDriver {

    private final TestRestTemplate rest;
    private final SandboxOrderSystem orders;
    private final EventStore eventStore;
    private final Clock clock;
    private final CanonicalEventTranslator translator = new CanonicalEventTranslator();

    ReturnsDriver(TestRestTemplate rest, SandboxOrderSystem orders, EventStore eventStore, Clock clock) {
        this.rest = rest.withBasicAuth("admin", "demo");
        this.orders = orders;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /** A return requested at the store and received there at once; its id. */
    String returnReceivedAtStore() {
        OrderSnapshot order = DemoOrders.copyUnder(DemoOrders.webApparelOrder(clock.instant()),
                "K-" + UUID.randomUUID().toString().substring(0, 8));
        orders.register(order);
        String line = order.orderId() + "-L1";
        HttpHeaders headers = jsonHeaders();
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        ResponseEntity<JsonNode> requested = rest.exchange("/api/v1/returns", HttpMethod.POST, new HttpEntity<>(
                Map.of("orderId", order.orderId(), "channel", "STORE", "storeId", DemoOrders.DEMO_STORE,
                        "lines", List.of(Map.of("orderLineId", line, "quantity", 1, "reason", "SIZE_OR_FIT"))),
                headers), JsonNode.class);
        assertThat(requested.getStatusCode().is2xxSuccessful()).as(String.valueOf(requested.getBody())).isTrue();
        String returnId = requested.getBody().path("returnId").asText();
        ResponseEntity<JsonNode> received = rest.exchange("/api/v1/returns/" + returnId + "/receipts", HttpMethod.POST,
                new HttpEntity<>(Map.of("receiptId", "RCPT-" + returnId, "locationId", DemoOrders.DEMO_STORE,
                        "lines", List.of(Map.of("orderLineId", line, "quantity", 1))), jsonHeaders()),
                JsonNode.class);
        assertThat(received.getStatusCode().is2xxSuccessful()).as(String.valueOf(received.getBody())).isTrue();
        return returnId;
    }

    List<String> returnsReceivedAtStore(int count) {
        List<String> returnIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            returnIds.add(returnReceivedAtStore());
        }
        return returnIds;
    }

    /** Every canonical event the translator gives for the return's stored events, in the return's order. */
    List<CanonicalEvent> canonicalEventsOf(String returnId) {
        List<CanonicalEvent> events = new ArrayList<>();
        eventStore.readEvents(returnId).asStream().forEach((DomainEventMessage<?> event) -> events.addAll(
                translator.translate(event.getIdentifier(), event.getSequenceNumber(), event.getTimestamp(),
                        event.getPayload())));
        return events;
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }
}
