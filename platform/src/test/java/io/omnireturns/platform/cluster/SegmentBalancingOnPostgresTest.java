package io.omnireturns.platform.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.omnireturns.platform.observability.EventProcessorsHealthContributor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes, two Spring contexts, on one PostgreSQL: a pooled processor with four segments is shared between them as
 * they come and go. A node dies here by losing its database for good (its pool is closed): it writes no heartbeat,
 * extends no claim and releases nothing, as after {@code kill -9}.
 */
class SegmentBalancingOnPostgresTest {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancingOnPostgresTest.class);
    private static final String PROCESSOR = "balanced";

    private EmbeddedPostgres postgres;
    private JdbcTemplate database;

    @BeforeEach
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterEach
    void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void aNodeThatJoinsTakesHalfTheSegmentsWithinSecondsAndTheSurvivorTakesThemBackWhenItDies() {
        try (ConfigurableApplicationContext nodeA = start("node-a")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(segmentsByOwner()).isEqualTo(Map.of("node-a", 4L)));

            ConfigurableApplicationContext nodeB = start("node-b");
            try {
                long joined = System.nanoTime();
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(segmentsByOwner()).isEqualTo(Map.of("node-a", 2L, "node-b", 2L)));
                log.info("node-b held its share {} ms after it started", millisSince(joined));
                assertThat(database.queryForList("SELECT node_id FROM cluster_node ORDER BY node_id", String.class))
                        .containsExactly("node-a", "node-b");
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(health(nodeA).getDetails())
                        .containsEntry("node", "node-a")
                        .containsEntry("maxSegmentsHere", 2)
                        .containsEntry("segmentsByNode", Map.of("node-a", Set.of(0, 1), "node-b", Set.of(2, 3))));

                nodeB.getBean(HikariDataSource.class).close();
                long died = System.nanoTime();
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                        assertThat(segmentsByOwner()).isEqualTo(Map.of("node-a", 4L)));
                log.info("node-a held all segments {} ms after node-b died", millisSince(died));
                assertThat(nodeA.getBean(SegmentBalancer.class).maxSegments(PROCESSOR)).isEqualTo(4);
                assertThat(nodeA.getBean(EventProcessorProperties.class).getProcessors().get(PROCESSOR)
                        .getTokenClaimInterval()).as("omnireturns.cluster.token-claim-interval, in ms").isEqualTo(3000);
            } finally {
                nodeB.close();
            }
        }
    }

    @Test
    void aNodeThatStopsCleanlyLeavesTheRegistryAndItsSegmentsAreTakenAtOnce() {
        try (ConfigurableApplicationContext nodeA = start("node-a")) {
            try (ConfigurableApplicationContext nodeB = start("node-b")) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(segmentsByOwner()).isEqualTo(Map.of("node-a", 2L, "node-b", 2L)));
            }
            long stopped = System.nanoTime();
            assertThat(database.queryForList("SELECT node_id FROM cluster_node", String.class))
                    .containsExactly("node-a");
            // well before node-b's heartbeat could have timed out (8 s)
            await().atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                    assertThat(segmentsByOwner()).isEqualTo(Map.of("node-a", 4L)));
            log.info("node-a held all segments {} ms after node-b stopped", millisSince(stopped));
        }
    }

    private static Health health(ConfigurableApplicationContext node) {
        return ((HealthIndicator) node.getBean(EventProcessorsHealthContributor.class).getContributor(PROCESSOR))
                .health();
    }

    private Map<String, Long> segmentsByOwner() {
        Map<String, Long> byOwner = new TreeMap<>();
        database.query("SELECT owner, count(*) FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL "
                + "GROUP BY owner", row -> {
            byOwner.put(row.getString(1), row.getLong(2));
        }, PROCESSOR);
        return byOwner;
    }

    private ConfigurableApplicationContext start(String nodeId) {
        return new SpringApplicationBuilder(BalancedNode.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=postgres",
                        "omnireturns.security.mode=demo",
                        "omnireturns.cluster.node-id=" + nodeId,
                        "omnireturns.cluster.token-claim-interval=3s",
                        "axon.eventhandling.processors." + PROCESSOR + ".mode=pooled",
                        "axon.eventhandling.processors." + PROCESSOR + ".initial-segment-count=4",
                        "axon.eventhandling.processors." + PROCESSOR + ".thread-count=2",
                        "spring.main.register-shutdown-hook=false")
                .run();
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    /** Not a {@code @Configuration}: the platform tests' component scans must not pick it up. */
    @EnableAutoConfiguration
    static class BalancedNode {

        @Bean
        BalancedHandler balancedHandler() {
            return new BalancedHandler();
        }
    }

    @ProcessingGroup(PROCESSOR)
    static class BalancedHandler {

        @EventHandler
        void on(Object event) {
            // the segments are what this test is about, not the events
        }
    }
}
