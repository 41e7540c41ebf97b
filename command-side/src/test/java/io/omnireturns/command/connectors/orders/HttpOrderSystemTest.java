package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.PromotionKind;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.HttpConnectorContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HttpOrderSystemTest extends HttpConnectorContract {

    private static final String ORDER = """
            {"orderId": "ORD-1001", "customerId": "CUS-7", "soldThrough": "WEB", "soldAtStoreId": null,
             "placedAt": "2025-03-01T10:15:30Z", "fulfilledAt": "2025-03-02T08:00:00Z",
             "fulfilmentLocationId": "DC-1", "currency": "EUR",
             "lines": [{"lineId": "L1", "sku": "SKU-RED-M", "description": "Red shirt M", "category": "apparel",
                        "quantity": 2, "unitPrice": {"minor": 2500, "currency": "EUR"},
                        "lineDiscount": {"minor": 500, "currency": "EUR"}, "tax": {"minor": 760, "currency": "EUR"},
                        "finalSale": false}],
             "promotions": [{"code": "SPRING10", "kind": "ORDER_DISCOUNT", "amount": {"minor": 450, "currency": "EUR"},
                             "appliesToLineIds": []}],
             "shippingCharged": {"minor": 495, "currency": "EUR"}, "shippingTax": {"minor": 94, "currency": "EUR"},
             "tenders": [{"tenderId": "TND-1", "type": "CARD", "amount": {"minor": 4999, "currency": "EUR"},
                          "reference": "PSP-1"}]}""";
    private static final String CONTACT = """
            {"email": "alex.morgan@example.com", "postcode": "10115"}""";
    private static final String ORDERS_OF_CUSTOMER = "{\"orders\": [" + ORDER + "]}";
    private static final String ITEM = """
            {"sku": "SKU-RED-L", "description": "Red shirt L", "unitPrice": {"minor": 3000, "currency": "EUR"}}""";
    private static final ReplacementRequest REPLACEMENT = new ReplacementRequest("RET-1:REPLACEMENT_ORDER", "RET-1",
            "ORD-1001", "CUS-7", List.of(new ReplacementRequest.Item("L1", "SKU-RED-L", 1)));

    @Override
    protected ExternalSystem system() {
        return ExternalSystem.ORDER;
    }

    @Override
    protected List<RemoteOperation> operations() {
        return List.of(
                RemoteOperation.get("findOrder", ExternalSystem.ORDER, "/orders/ORD-1001", ORDER,
                        http -> new HttpOrderSystem(http).findOrder("ORD-1001")),
                RemoteOperation.post("createReplacementOrder", ExternalSystem.ORDER, "/replacement-orders",
                        REPLACEMENT.idempotencyKey(), "{\"orderId\": \"ORD-2002\"}",
                        http -> new HttpOrderSystem(http).createReplacementOrder(REPLACEMENT)),
                RemoteOperation.get("catalogueItem", ExternalSystem.ORDER, "/catalogue/items/SKU-RED-L", ITEM,
                        http -> new HttpOrderSystem(http).catalogueItem("SKU-RED-L")),
                RemoteOperation.get("findContact", ExternalSystem.ORDER, "/orders/ORD-1001/contact", CONTACT,
                        http -> new HttpOrderSystem(http).findContact("ORD-1001")),
                RemoteOperation.get("findOrdersOfCustomer", ExternalSystem.ORDER, "/customers/CUS-7/orders",
                        ORDERS_OF_CUSTOMER, http -> new HttpOrderSystem(http).findOrdersOfCustomer("CUS-7")));
    }

    @Test
    void prices_a_replacement_from_the_catalogue() {
        wireMock.stubFor(get("/catalogue/items/SKU-RED-L").willReturn(okJson(ITEM)));

        assertThat(new HttpOrderSystem(http).catalogueItem("SKU-RED-L"))
                .contains(new CatalogueItem("SKU-RED-L", "Red shirt L", Money.of(3000, "EUR")));
    }

    @Test
    void a_sku_the_catalogue_does_not_sell_is_an_answer_not_a_failure() {
        wireMock.stubFor(get("/catalogue/items/SKU-GONE").willReturn(notFound()));

        assertThat(new HttpOrderSystem(http).catalogueItem("SKU-GONE")).isEmpty();
    }

    @Test
    void reads_the_order_in_the_contract_shape() {
        wireMock.stubFor(get("/orders/ORD-1001").willReturn(okJson(ORDER)));

        OrderSnapshot order = new HttpOrderSystem(http).findOrder("ORD-1001").orElseThrow();

        assertThat(order.customerId()).isEqualTo("CUS-7");
        assertThat(order.soldThrough()).isEqualTo(SalesChannel.WEB);
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30Z"));
        assertThat(order.line("L1")).get().satisfies(line -> {
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.unitPrice()).isEqualTo(Money.of(2500, "EUR"));
            assertThat(line.lineDiscount()).isEqualTo(Money.of(500, "EUR"));
        });
        assertThat(order.promotions()).singleElement()
                .satisfies(promotion -> assertThat(promotion.kind()).isEqualTo(PromotionKind.ORDER_DISCOUNT));
        assertThat(order.tenders()).singleElement()
                .satisfies(tender -> assertThat(tender.type()).isEqualTo(TenderType.CARD));
        assertThat(order.shippingCharged()).isEqualTo(Money.of(495, "EUR"));
    }

    @Test
    void an_order_the_system_does_not_know_is_empty_and_asked_only_once() {
        wireMock.stubFor(get("/orders/ORD-404").willReturn(notFound()));

        Optional<OrderSnapshot> order = new HttpOrderSystem(http).findOrder("ORD-404");

        assertThat(order).isEmpty();
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/orders/ORD-404")));
    }

    @Test
    void the_order_id_is_encoded_into_the_path() {
        wireMock.stubFor(get("/orders/ORD%2F7%201").willReturn(notFound()));

        assertThat(new HttpOrderSystem(http).findOrder("ORD/7 1")).isEmpty();

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/orders/ORD%2F7%201")));
    }

    @Test
    void another_order_than_the_one_asked_for_is_malformed() {
        wireMock.stubFor(get("/orders/ORD-1002").willReturn(okJson(ORDER)));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpOrderSystem(http).findOrder("ORD-1002"));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void places_the_replacement_order_and_answers_its_id() {
        wireMock.stubFor(post("/replacement-orders").willReturn(okJson("{\"orderId\": \"ORD-2002\"}")));

        String orderId = new HttpOrderSystem(http).createReplacementOrder(REPLACEMENT);

        assertThat(orderId).isEqualTo("ORD-2002");
        wireMock.verify(postRequestedFor(urlPathEqualTo("/replacement-orders")).withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:REPLACEMENT_ORDER", "returnId": "RET-1", "originalOrderId": "ORD-1001",
                 "customerId": "CUS-7",
                 "items": [{"originalOrderLineId": "L1", "replacementSku": "SKU-RED-L", "quantity": 1}]}""")));
    }

    @Test
    void reads_the_shoppers_email_address_and_postcode_of_an_order() {
        wireMock.stubFor(get("/orders/ORD-1001/contact").willReturn(okJson(CONTACT)));

        assertThat(new HttpOrderSystem(http).findContact("ORD-1001"))
                .contains(new OrderContact("alex.morgan@example.com", "10115"));
    }

    @Test
    void an_order_without_a_shared_contact_is_empty_and_asked_only_once() {
        wireMock.stubFor(get("/orders/ORD-404/contact").willReturn(notFound()));

        assertThat(new HttpOrderSystem(http).findContact("ORD-404")).isEmpty();

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/orders/ORD-404/contact")));
    }

    @Test
    void the_order_id_of_a_contact_is_encoded_into_the_path() {
        wireMock.stubFor(get("/orders/ORD%2F7%201/contact").willReturn(notFound()));

        assertThat(new HttpOrderSystem(http).findContact("ORD/7 1")).isEmpty();

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/orders/ORD%2F7%201/contact")));
    }

    @Test
    void lists_a_customers_orders_newest_first() {
        String older = ORDER.replace("\"placedAt\": \"2025-03-01T10:15:30Z\"", "\"placedAt\": \"2024-12-24T09:00:00Z\"")
                .replace("\"orderId\": \"ORD-1001\"", "\"orderId\": \"ORD-0900\"");
        wireMock.stubFor(get("/customers/CUS-7/orders")
                .willReturn(okJson("{\"orders\": [" + older + ", " + ORDER + "]}")));

        List<OrderSnapshot> orders = new HttpOrderSystem(http).findOrdersOfCustomer("CUS-7");

        assertThat(orders).extracting(OrderSnapshot::orderId).containsExactly("ORD-1001", "ORD-0900");
        assertThat(orders.get(0).line("L1")).get()
                .satisfies(line -> assertThat(line.unitPrice()).isEqualTo(Money.of(2500, "EUR")));
    }

    @Test
    void a_customer_without_orders_or_unknown_to_the_order_system_has_none() {
        wireMock.stubFor(get("/customers/CUS-NEW/orders").willReturn(okJson("{\"orders\": []}")));
        wireMock.stubFor(get("/customers/CUS-404/orders").willReturn(notFound()));

        assertThat(new HttpOrderSystem(http).findOrdersOfCustomer("CUS-NEW")).isEmpty();
        assertThat(new HttpOrderSystem(http).findOrdersOfCustomer("CUS-404")).isEmpty();
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/customers/CUS-404/orders")));
    }

    @Test
    void an_order_of_another_customer_in_the_list_is_malformed_and_nothing_is_shown() {
        wireMock.stubFor(get("/customers/CUS-8/orders").willReturn(okJson(ORDERS_OF_CUSTOMER)));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpOrderSystem(http).findOrdersOfCustomer("CUS-8"));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.retryable()).isFalse();
    }
}
