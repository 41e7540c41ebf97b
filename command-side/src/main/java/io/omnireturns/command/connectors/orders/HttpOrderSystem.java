package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.common.ConnectorHttp;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The commerce system over HTTP: {@code GET /orders/{orderId}} answers the order in the contract's own shape
 * ({@link OrderSnapshot}), {@code POST /replacement-orders} places an exchange's replacement order,
 * {@code GET /catalogue/items/{sku}} prices a replacement ({@link CatalogueItem}); for the shopper portal,
 * {@code GET /orders/{orderId}/contact} answers the shopper's e-mail address and postcode ({@link OrderContact}) and
 * {@code GET /customers/{customerId}/orders} a customer's orders ({@code {"orders": [...]}}).
 */
public class HttpOrderSystem implements OrderSystem {

    private static final String FIND_ORDER = "findOrder";
    private static final String CREATE_REPLACEMENT_ORDER = "createReplacementOrder";
    private static final String CATALOGUE_ITEM = "catalogueItem";
    private static final String FIND_CONTACT = "findContact";
    private static final String FIND_ORDERS_OF_CUSTOMER = "findOrdersOfCustomer";

    private final ConnectorHttp http;

    public HttpOrderSystem(ConnectorHttp http) {
        this.http = http;
    }

    @Override
    public Optional<OrderSnapshot> findOrder(String orderId) {
        return http.call(FIND_ORDER, () -> {
            try {
                OrderSnapshot order = http.client().get()
                        .uri("/orders/{orderId}", orderId)
                        .retrieve()
                        .body(OrderSnapshot.class);
                return Optional.of(checked(order, orderId));
            } catch (HttpClientErrorException.NotFound unknownOrder) {
                // the order system never sold this order: an answer, not a failure
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<OrderContact> findContact(String orderId) {
        return http.call(FIND_CONTACT, () -> {
            try {
                ContactAnswer answer = http.client().get()
                        .uri("/orders/{orderId}/contact", orderId)
                        .retrieve()
                        .body(ContactAnswer.class);
                http.required(FIND_CONTACT, "a body", answer);
                return Optional.of(new OrderContact(http.required(FIND_CONTACT, "email", answer.email()),
                        http.required(FIND_CONTACT, "postcode", answer.postcode())));
            } catch (HttpClientErrorException.NotFound unknownOrder) {
                // an unknown order, or one whose shopper the order system does not share: no guest finds it
                return Optional.empty();
            }
        });
    }

    @Override
    public List<OrderSnapshot> findOrdersOfCustomer(String customerId) {
        return http.call(FIND_ORDERS_OF_CUSTOMER, () -> {
            try {
                OrdersAnswer answer = http.client().get()
                        .uri("/customers/{customerId}/orders", customerId)
                        .retrieve()
                        .body(OrdersAnswer.class);
                http.required(FIND_ORDERS_OF_CUSTOMER, "a body", answer);
                http.required(FIND_ORDERS_OF_CUSTOMER, "orders", answer.orders());
                for (OrderSnapshot order : answer.orders()) {
                    http.required(FIND_ORDERS_OF_CUSTOMER, "an order", order);
                    http.required(FIND_ORDERS_OF_CUSTOMER, "orderId", order.orderId());
                    if (!customerId.equals(order.customerId())) {
                        // never show a customer someone else's order, whatever the order system says
                        throw http.malformed(FIND_ORDERS_OF_CUSTOMER, "order " + order.orderId() + " of customer "
                                + order.customerId() + " when asked for " + customerId);
                    }
                    http.required(FIND_ORDERS_OF_CUSTOMER, "currency", order.currency());
                    http.required(FIND_ORDERS_OF_CUSTOMER, "soldThrough", order.soldThrough());
                }
                return answer.orders().stream()
                        .sorted(Comparator.comparing(OrderSnapshot::placedAt,
                                Comparator.nullsLast(Comparator.reverseOrder())))
                        .toList();
            } catch (HttpClientErrorException.NotFound unknownCustomer) {
                // a customer the order system does not know has no orders
                return List.of();
            }
        });
    }

    @Override
    public String createReplacementOrder(ReplacementRequest request) {
        ReplacementAnswer answer = http.callOnce(CREATE_REPLACEMENT_ORDER, () -> http.client().post()
                .uri("/replacement-orders")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, request.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(ReplacementAnswer.class));
        return http.required(CREATE_REPLACEMENT_ORDER, "orderId", answer.orderId());
    }

    @Override
    public Optional<CatalogueItem> catalogueItem(String sku) {
        return http.call(CATALOGUE_ITEM, () -> {
            try {
                CatalogueItem item = http.client().get()
                        .uri("/catalogue/items/{sku}", sku)
                        .retrieve()
                        .body(CatalogueItem.class);
                http.required(CATALOGUE_ITEM, "a body", item);
                if (!sku.equals(item.sku())) {
                    throw http.malformed(CATALOGUE_ITEM, "item " + item.sku() + " when asked for " + sku);
                }
                return Optional.of(item);
            } catch (HttpClientErrorException.NotFound unknownSku) {
                return Optional.empty();
            }
        });
    }

    private OrderSnapshot checked(OrderSnapshot order, String orderId) {
        http.required(FIND_ORDER, "a body", order);
        if (!orderId.equals(order.orderId())) {
            throw http.malformed(FIND_ORDER, "order " + order.orderId() + " when asked for " + orderId);
        }
        http.required(FIND_ORDER, "customerId", order.customerId());
        http.required(FIND_ORDER, "currency", order.currency());
        http.required(FIND_ORDER, "soldThrough", order.soldThrough());
        return order;
    }

    private record ReplacementAnswer(String orderId) {
    }

    private record ContactAnswer(String email, String postcode) {
    }

    private record OrdersAnswer(List<OrderSnapshot> orders) {
    }
}
