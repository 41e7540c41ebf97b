package io.omnireturns.command.returns;

import io.omnireturns.command.CommandSideIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.CancelReturn;
import io.omnireturns.api.returns.command.RecordCustomerNotified;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Returns stay cached between commands, but a cache never decides on old state: when another node appended to a
 * return after this node cached it, the next command here conflicts on the sequence number, its unit of work evicts
 * the entry, and the retried command decides on the return as stored.
 */
@CommandSideIntegrationTest
class AggregateCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    Cache aggregateCache;

    @Test
    void a_command_after_another_node_appended_decides_on_the_stored_return_not_the_cached_one() throws Exception {
        String orderId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        String returnId = requestReturn(orderId);
        commands.sendAndWait(new RecordCustomerNotified(returnId, "RECEIVED", "EMAIL"));
        assertThat(aggregateCache.containsKey(returnId)).as("the return is cached").isTrue();

        // another node cancels the return: this node's cached copy knows nothing of it
        long next = jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, returnId) + 1;
        eventStore.publish(new GenericDomainEventMessage<>("ReturnAggregate", returnId, next,
                new ReturnCancelled(returnId, orderId, "changed mind", "other-node")));

        assertThatThrownBy(() -> commands.sendAndWait(new CancelReturn(returnId, "again", "this-node")))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ReturnErrors.RETURN_NOT_CANCELLABLE));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype = ?", Integer.class, returnId, ReturnCancelled.class.getName()))
                .as("cancelled once, by the other node").isEqualTo(1);
        assertThat(commands.<ReturnStatus>sendAndWait(new RecordCustomerNotified(returnId, "CANCELLED", "EMAIL")))
                .as("the cache holds the return as stored again").isEqualTo(ReturnStatus.CANCELLED);
    }

    private String requestReturn(String orderId) throws Exception {
        orders.register(DemoOrders.copyUnder(orders.findOrder(DemoOrders.WEB_APPAREL_ORDER_ID).orElseThrow(), orderId));
        String answer = mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content("""
                                {"orderId": "%1$s", "channel": "WEB", "lines": [
                                  {"orderLineId": "%1$s-L1", "quantity": 1, "reason": "SIZE_OR_FIT"}]}""".formatted(orderId)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer).path("returnId").asText();
    }
}
