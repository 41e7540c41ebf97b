package io.omnireturns.platform.observability;

import io.omnireturns.platform.PlatformTestApplication;
import io.omnireturns.platform.database.outage.DatabaseAvailability;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Two nodes on one token store, for real: node A held both segments, lost them in an outage, and node B took one
 * over meanwhile. Axon on A still shows its old, failed status for that segment; A's health must not count it.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "omnireturns.database.embedded.data-dir=")
class TakenOverSegmentsHealthTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionManager transactions;
    @Autowired
    DatabaseAvailability database;

    @Test
    void a_node_whose_segment_another_node_took_over_during_an_outage_reports_up_and_names_it() {
        String processorName = "view-" + UUID.randomUUID();
        JdbcTokenStore nodeA = tokenStore("node-a", Duration.ofSeconds(10));
        // node B finds A's claim expired (A could not extend it while the database was gone) and takes segment 0
        JdbcTokenStore nodeB = tokenStore("node-b", Duration.ZERO);
        transactions.executeInTransaction(() -> {
            nodeA.initializeTokenSegments(processorName, 2);
            nodeA.fetchToken(processorName, 0);
            nodeA.fetchToken(processorName, 1);
        });
        transactions.executeInTransaction(() -> nodeB.fetchToken(processorName, 0));

        Map<Integer, EventTrackerStatus> statusOnA = Map.of(
                0, status(new IllegalStateException("CannotCreateTransactionException")),
                1, status(null));
        StreamingEventProcessor processorOnA = mock(StreamingEventProcessor.class);
        when(processorOnA.getName()).thenReturn(processorName);
        when(processorOnA.isRunning()).thenReturn(true);
        when(processorOnA.isError()).thenReturn(false);
        when(processorOnA.processingStatus()).thenReturn(statusOnA);

        Health health = EventProcessorsHealthContributor.health(processorOnA, null, database, nodeA);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("segmentsClaimed", 1)
                .containsEntry("segmentsTakenOverElsewhere", Set.of(0));
    }

    private JdbcTokenStore tokenStore(String nodeId, Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(JacksonSerializer.defaultSerializer())
                .nodeId(nodeId)
                .claimTimeout(claimTimeout)
                .build();
    }

    private static EventTrackerStatus status(Throwable error) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(7));
        when(status.isErrorState()).thenReturn(error != null);
        when(status.getError()).thenReturn(error);
        return status;
    }
}
