package io.omnireturns.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import io.omnireturns.platform.observability.ConnectorMeters;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.omnireturns.app.ProcessDriver.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service nodes on one PostgreSQL, the return process split in four segments: the second node, started once the
 * first holds every segment, is given half of them, and both then run process steps (remote calls) for the returns
 * the first node took in. Every request goes to the first node, so the second one's calls are process work only.
 */
class ProcessOnTwoNodesTest {

    private static final Logger log = LoggerFactory.getLogger(ProcessOnTwoNodesTest.class);
    private static final String PROCESS = "return-process";
    private static final int RETURNS = 12;
    private static final String[] SETTINGS = {
            "--server.port=0",
            "--omnireturns.security.mode=demo",
            "--axon.eventhandling.processors." + PROCESS + ".mode=pooled",
            "--axon.eventhandling.processors." + PROCESS + ".initial-segment-count=4",
            "--db-scheduler.polling-interval=100ms"};

    private EmbeddedPostgres postgres;
    private JdbcTemplate database;

    @BeforeEach
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
        database = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterEach
    void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void bothNodesRunProcessStepsForReturnsTakenInByOne() {
        try (ConfigurableApplicationContext nodeA = start("node-a")) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(segmentsByOwner()).isEqualTo(Map.of("node-a", 4L)));
            try (ConfigurableApplicationContext nodeB = start("node-b")) {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(segmentsByOwner()).isEqualTo(Map.of("node-a", 2L, "node-b", 2L)));

                ProcessDriver driver = driver(nodeA);
                Clock clock = nodeA.getBean(Clock.class);
                Map<String, OrderSnapshot> orderOfReturn = new LinkedHashMap<>();
                for (int i = 0; i < RETURNS; i++) {
                    OrderSnapshot order = TestOrders.copyOf(DemoOrders.webApparelOrder(clock.instant()));
                    // both nodes' sandboxes answer for it, as one order system would
                    nodeA.getBean(SandboxOrderSystem.class).register(order);
                    nodeB.getBean(SandboxOrderSystem.class).register(order);
                    String returnId = driver.requestWebReturn(order.orderId(),
                            List.of(line(TestOrders.line(order, 1), 1, "SIZE_OR_FIT")), "ORIGINAL_TENDER");
                    orderOfReturn.put(returnId, order);
                }
                orderOfReturn.forEach((returnId, order) -> driver.receiveAndInspectWhenLabelled(returnId,
                        order.fulfilmentLocationId(), Map.of(TestOrders.line(order, 1), 1)));
                List<String> returnIds = List.copyOf(orderOfReturn.keySet());
                for (String returnId : returnIds) {
                    driver.awaitStatus(returnId, "COMPLETED");
                }

                log.info("step calls: node-a {}, node-b {}", stepCalls(nodeA), stepCalls(nodeB));
                assertThat(stepCalls(nodeA)).as("step calls made by node-a").isPositive();
                assertThat(stepCalls(nodeB)).as("step calls made by node-b").isPositive();
                List<SandboxPaymentGateway.Refund> refunds = Stream.concat(
                        nodeA.getBean(SandboxPaymentGateway.class).refunds().stream(),
                        nodeB.getBean(SandboxPaymentGateway.class).refunds().stream()).toList();
                for (String returnId : returnIds) {
                    assertThat(refunds.stream().filter(refund -> refund.returnId().equals(returnId))
                            .map(SandboxPaymentGateway.Refund::idempotencyKey).distinct())
                            .as("refund keys of " + returnId).hasSize(1);
                }
            }
        }
    }

    private static long stepCalls(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).find(ConnectorMeters.CALLS).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    private Map<String, Long> segmentsByOwner() {
        Map<String, Long> byOwner = new TreeMap<>();
        database.query("SELECT owner, count(*) FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL "
                + "GROUP BY owner", row -> {
            byOwner.put(row.getString(1), row.getLong(2));
        }, PROCESS);
        return byOwner;
    }

    private ConfigurableApplicationContext start(String nodeId) {
        String[] args = Stream.concat(Stream.of(SETTINGS), Stream.of(
                "--omnireturns.cluster.node-id=" + nodeId,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres")).toArray(String[]::new);
        return new SpringApplicationBuilder(OmniReturnsApplication.class).run(args);
    }

    private static ProcessDriver driver(ConfigurableApplicationContext node) {
        int port = ((ServletWebServerApplicationContext) node).getWebServer().getPort();
        return new ProcessDriver(new ApiClient(new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + port))));
    }
}
