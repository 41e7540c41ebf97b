package io.omnireturns.console.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * Returns for a console test to show, each visible in the status view when handed over, requested through the public API as a channel would (the console itself never
 * calls the API over HTTP). Each comes from a fresh copy of a demo order, so tests never compete for the same units.
 */
public final class DemoReturns {

    /** A requested return: its id and the order (a fresh copy of a demo order) it returns from. */
    public record Requested(String returnId, String orderId, String customerId) {
    }

    private final TestRestTemplate rest;
    private final SandboxOrderSystem orders;
    private final Clock clock;

    DemoReturns(TestRestTemplate rest, SandboxOrderSystem orders, Clock clock) {
        this.rest = rest;
        this.orders = orders;
        this.clock = clock;
    }

    /** One rain jacket of a copy of the web apparel order (ORD-1001, customer CUST-100), requested by the web shop. */
    public Requested webReturn() {
        OrderSnapshot order = copy(DemoOrders.webApparelOrder(clock.instant()));
        return request("web-shop", order, Map.of("orderId", order.orderId(), "channel", "WEB",
                "lines", List.of(line(order.orderId() + "-L1", 1, "SIZE_OR_FIT"))));
    }

    /** {@code jackets} (1 or 2) rain jackets of a copy of the web apparel order (ORD-1001), requested by the web shop. */
    public Requested webReturn(int jackets) {
        OrderSnapshot order = copy(DemoOrders.webApparelOrder(clock.instant()));
        return request("web-shop", order, Map.of("orderId", order.orderId(), "channel", "WEB",
                "lines", List.of(line(order.orderId() + "-L1", jackets, "SIZE_OR_FIT"))));
    }

    /**
     * {@code jackets} (1 or 2) rain jackets of a copy of the web apparel order bought by {@code customerId}: a customer
     * of the test's own, whose history of returns (and so trust tier) the test writes.
     */
    public Requested webReturnOf(String customerId, int jackets) {
        OrderSnapshot demo = DemoOrders.webApparelOrder(clock.instant());
        OrderSnapshot order = copy(new OrderSnapshot(demo.orderId(), customerId, demo.soldThrough(),
                demo.soldAtStoreId(), demo.placedAt(), demo.fulfilledAt(), demo.fulfilmentLocationId(),
                demo.currency(), demo.lines(), demo.promotions(), demo.shippingCharged(), demo.shippingTax(),
                demo.tenders()));
        return request("web-shop", order, Map.of("orderId", order.orderId(), "channel", "WEB",
                "lines", List.of(line(order.orderId() + "-L1", jackets, "SIZE_OR_FIT"))));
    }

    /** The hoodie of a copy of the store order (ORD-1005, STORE-001), requested at the store's counter. */
    public Requested storeReturn() {
        OrderSnapshot order = copy(DemoOrders.storeOrderPaidCashAndCard(clock.instant()));
        return request("store-001", order, Map.of("orderId", order.orderId(), "channel", "STORE",
                "storeId", DemoOrders.DEMO_STORE, "lines", List.of(line(order.orderId() + "-L1", 1, "CHANGED_MIND"))));
    }

    /**
     * A fresh copy of a demo order in the sandbox order system, for a test that starts its own return of it (as the
     * contact centre does): e.g. {@code freshOrder(DemoOrders::webApparelOrder)}.
     */
    public OrderSnapshot freshOrder(Function<Instant, OrderSnapshot> demoOrder) {
        return copy(demoOrder.apply(clock.instant()));
    }

    /**
     * The warehouse receives and inspects every unit of the return's first line (accepted, as new, to restock) once
     * the return is ready for it (label issued, warehouse advised); the return then goes on to COMPLETED by itself.
     */
    public void receiveAndInspect(Requested requested) {
        String line = requested.orderId() + "-L1";
        await().atMost(Duration.ofSeconds(30)).until(() -> post("warehouse", requested.returnId(), "receipts",
                Map.of("receiptId", "RCPT-" + requested.returnId(), "locationId", "DC-EAST",
                        "lines", List.of(Map.of("orderLineId", line, "quantity", 1)))).is2xxSuccessful());
        HttpStatusCode inspected = post("warehouse", requested.returnId(), "inspections",
                Map.of("inspectionId", "INSP-" + requested.returnId(), "lines", List.of(Map.of("orderLineId", line,
                        "acceptedQuantity", 1, "rejectedQuantity", 0, "grade", "NEW", "disposition", "RESTOCK"))));
        if (!inspected.is2xxSuccessful()) {
            throw new IllegalStateException("the return was not inspected: " + inspected);
        }
    }

    private HttpStatusCode post(String user, String returnId, String what, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return rest.exchange("/api/v1/returns/" + returnId + "/" + what, HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class).getStatusCode();
    }

    private OrderSnapshot copy(OrderSnapshot demo) {
        OrderSnapshot order = DemoOrders.copyUnder(demo, demo.orderId() + "-" + UUID.randomUUID().toString().substring(0, 8));
        orders.register(order);
        return order;
    }

    private Requested request(String user, OrderSnapshot order, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        ResponseEntity<JsonNode> answer = rest.exchange("/api/v1/returns", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
        if (answer.getStatusCode() != HttpStatus.CREATED) {
            throw new IllegalStateException("the return was not requested: " + answer.getStatusCode() + " "
                    + answer.getBody());
        }
        String returnId = answer.getBody().path("returnId").asText();
        // the status view follows the command side a moment later: hand the return over once the console can see it
        HttpHeaders reader = new HttpHeaders();
        reader.setBasicAuth("admin", "demo");
        await().atMost(Duration.ofSeconds(30)).until(() -> rest.exchange("/api/v1/returns/" + returnId,
                HttpMethod.GET, new HttpEntity<>(reader), String.class).getStatusCode() == HttpStatus.OK);
        return new Requested(returnId, order.orderId(), order.customerId());
    }

    private static Map<String, Object> line(String orderLineId, int quantity, String reason) {
        return Map.of("orderLineId", orderLineId, "quantity", quantity, "reason", reason);
    }
}
