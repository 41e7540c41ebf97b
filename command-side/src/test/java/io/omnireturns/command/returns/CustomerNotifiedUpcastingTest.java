package io.omnireturns.command.returns;

import io.omnireturns.command.CommandSideIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.returns.command.RecordCustomerNotified;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.command.FreshOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A return whose history holds a {@link CustomerNotified} of revision 1 ({@code notificationChannel}), as stored
 * before the rename: the aggregate loads it through the upcaster and still knows the customer was told.
 */
@CommandSideIntegrationTest
class CustomerNotifiedUpcastingTest {

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

    @Test
    void the_aggregate_loads_an_old_notification_and_does_not_record_the_milestone_twice() throws Exception {
        String returnId = requestReturn(freshOrder());
        long next = jdbc.queryForObject(
                "SELECT max(sequencenumber) + 1 FROM domainevententry WHERE aggregateidentifier = ?", Long.class, returnId);
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, ?, 'ReturnAggregate', ?, ?, ?, '1', ?, '2025-06-01T10:00:00Z')""",
                returnId, next, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                ("{\"returnId\":\"" + returnId + "\",\"milestone\":\"AUTHORIZED\",\"notificationChannel\":\"SMS\"}")
                        .getBytes(StandardCharsets.UTF_8),
                CustomerNotified.class.getName());

        commands.sendAndWait(new RecordCustomerNotified(returnId, "AUTHORIZED", "EMAIL"));
        commands.sendAndWait(new RecordCustomerNotified(returnId, "LABEL_ISSUED", "EMAIL"));

        List<Object> notifications = eventStore.readEvents(returnId).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(CustomerNotified.class::isInstance)
                .map(Object.class::cast)
                .toList();
        assertThat(notifications).containsExactly(
                new CustomerNotified(returnId, "AUTHORIZED", "SMS"),
                new CustomerNotified(returnId, "LABEL_ISSUED", "EMAIL"));
        assertThat(jdbc.queryForList("SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype = ? ORDER BY sequencenumber", String.class, returnId, CustomerNotified.class.getName()))
                .containsExactly("1", "2");
    }

    private String requestReturn(String orderId) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content("""
                                {"orderId": "%1$s", "channel": "WEB", "lines": [
                                  {"orderLineId": "%1$s-L1", "quantity": 1, "reason": "SIZE_OR_FIT"}]}"""
                                .formatted(orderId)))
                .andExpect(status().isCreated())
                .andReturn();
        return JSON.readTree(result.getResponse().getContentAsString()).path("returnId").asText();
    }

    private String freshOrder() {
        return FreshOrders.copyOfWebApparelOrder(orders);
    }
}
