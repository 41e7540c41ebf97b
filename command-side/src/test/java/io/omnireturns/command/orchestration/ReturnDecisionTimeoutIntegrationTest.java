package io.omnireturns.command.orchestration;

import io.omnireturns.command.StoredMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.ledger.ReturnQuantitiesReserved;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.command.RequestReturn;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On the real database: a return recorded but never decided (its request crashed between the two) is decided by the
 * process sweeper once the decision time-out (2 s in tests) has passed, and what that causes carries the trail of the
 * request that recorded it, with the system as actor and the trigger auditors knew from the old deadline.
 */
@CommandSideIntegrationTest
class ReturnDecisionTimeoutIntegrationTest {


    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;

    @Test
    void a_return_left_requested_by_a_crashed_request_is_decided_by_the_system_after_the_decision_timeout() {
        OrderSnapshot order = freshOrder();
        String returnId = "RET-" + UUID.randomUUID();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RequestReturn(returnId, SalesChannel.WEB, null,
                order.customerId(), RefundMethod.ORIGINAL_TENDER,
                List.of(new RequestedLine(order.orderId() + "-L1", 1, ReturnReason.SIZE_OR_FIT)), order))
                .andMetaData(Map.of("correlationId", "crashed-checkout-1", "actor", "web-shop", "sourceSystem", "api")));
        // the request crashes here: nobody records the eligibility decision

        await().atMost(Duration.ofSeconds(30))
                .until(() -> metadataOf(returnId, ReturnAuthorized.class.getName()).size() == 1);

        JsonNode authorized = metadataOf(returnId, ReturnAuthorized.class.getName()).get(0);
        assertThat(authorized.path("actor").asText()).isEqualTo("system");
        assertThat(authorized.path("sourceSystem").asText()).isEqualTo("omnireturns");
        assertThat(authorized.path("correlationId").asText()).isEqualTo("crashed-checkout-1");
        assertThat(authorized.path("trigger").asText()).isEqualTo("deadline:decision-timeout");
        assertThat(metadataOf(order.orderId(), ReturnQuantitiesReserved.class.getName()))
                .as("the order's ledger reserved the quantities in the same conversation")
                .singleElement().satisfies(reserved -> {
                    assertThat(reserved.path("actor").asText()).isEqualTo("system");
                    assertThat(reserved.path("correlationId").asText()).isEqualTo("crashed-checkout-1");
                });
    }

    private List<JsonNode> metadataOf(String aggregateId, String payloadType) {
        return StoredMetadata.of(jdbc, aggregateId, payloadType);
    }

    /** A copy of the demo web order under a new id, so the test has the whole order to return. */
    private OrderSnapshot freshOrder() {
        OrderSnapshot order = DemoOrders.copyUnder(
                orders.findOrder(DemoOrders.WEB_APPAREL_ORDER_ID).orElseThrow(), "T-" + UUID.randomUUID().toString().substring(0, 8));
        orders.register(order);
        return order;
    }
}
