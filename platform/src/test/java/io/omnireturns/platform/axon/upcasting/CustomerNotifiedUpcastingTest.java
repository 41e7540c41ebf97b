package io.omnireturns.platform.axon.upcasting;

import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.platform.PlatformTestApplication;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link CustomerNotified} stored before the rename (revision 1, {@code notificationChannel}) is read back by the
 * event store as revision 2 with {@code channel}: what the aggregate and every projection get.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "omnireturns.database.embedded.data-dir=")
class CustomerNotifiedUpcastingTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_revision_1_customer_notification_reads_as_revision_2_with_its_channel() {
        String returnId = UUID.randomUUID().toString();
        storeRevision1(returnId, 0, "{\"returnId\":\"" + returnId + "\",\"milestone\":\"REFUNDED\","
                + "\"notificationChannel\":\"SMS\"}");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(returnId).asStream().toList();

        assertThat(events).hasSize(1);
        assertThat(events.get(0).getPayload()).isEqualTo(new CustomerNotified(returnId, "REFUNDED", "SMS"));
        assertThat(events.get(0).getMetaData()).containsEntry("actor", "crm-sandbox");
    }

    @Test
    void a_revision_2_customer_notification_is_read_as_it_was_stored() {
        String returnId = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'ReturnAggregate', ?, ?, ?, '2', ?, '2025-06-01T10:00:00Z')""",
                returnId, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                ("{\"returnId\":\"" + returnId + "\",\"milestone\":\"RECEIVED\",\"channel\":\"EMAIL\"}")
                        .getBytes(StandardCharsets.UTF_8),
                CustomerNotified.class.getName());

        assertThat(eventStore.readEvents(returnId).asStream().map(event -> (Object) event.getPayload()).toList())
                .containsExactly(new CustomerNotified(returnId, "RECEIVED", "EMAIL"));
    }

    private void storeRevision1(String returnId, long sequence, String json) {
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, ?, 'ReturnAggregate', ?, ?, ?, '1', ?, '2025-06-01T10:00:00Z')""",
                returnId, sequence, UUID.randomUUID().toString(),
                "{\"actor\":\"crm-sandbox\"}".getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8), CustomerNotified.class.getName());
    }
}
