package io.omnireturns.query.status;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.query.QuerySideIntegrationTest;
import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.query.ReturnStory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.omnireturns.query.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@link CustomerNotified} stored before the rename (revision 1, {@code notificationChannel}) reaches the status
 * view through the upcaster: the agent sees through which channel the customer was told.
 */
@QuerySideIntegrationTest
class CustomerNotifiedUpcastingIntegrationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    QueryGateway queryGateway;

    @Test
    void the_status_view_shows_the_channel_of_a_notification_stored_in_revision_1() {
        String returnId = "UPCAST-" + UUID.randomUUID();
        new ReturnStory(eventStore, returnId, Instant.parse("2029-05-01T10:00:00Z")).then(
                requested(returnId, "O-" + returnId, "C-1", SalesChannel.WEB, null),
                authorizedInFull(returnId));
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 2, 'ReturnAggregate', ?, ?, ?, '1', ?, '2029-05-01T10:05:00Z')""",
                returnId, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                ("{\"returnId\":\"" + returnId + "\",\"milestone\":\"AUTHORIZED\",\"notificationChannel\":\"SMS\"}")
                        .getBytes(StandardCharsets.UTF_8),
                CustomerNotified.class.getName());

        ReturnStatusView view = await().atMost(Duration.ofSeconds(30)).until(
                () -> queryGateway.query(new FindReturnStatus(returnId), ResponseTypes.instanceOf(ReturnStatusView.class))
                        .join(),
                found -> found != null && found.version() >= 2);

        SystemStateView crm = view.systems().stream().filter(system -> system.system() == ExternalSystem.CRM)
                .findFirst().orElseThrow();
        assertThat(crm.state()).isEqualTo("NOTIFIED");
        assertThat(crm.detail()).isEqualTo("by SMS");
    }
}
