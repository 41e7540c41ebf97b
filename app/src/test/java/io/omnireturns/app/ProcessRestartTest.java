package io.omnireturns.app;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.erp.SandboxErp;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.omnireturns.app.ProcessDriver.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the whole service while returns are in the middle of their process (remote calls in flight, slow
 * connectors) and starts it again on the same database: every return completes, and nothing was paid or
 * posted twice. The sandboxes of the two runs are different objects, as two processes would have; a real
 * system deduplicates by idempotency key, so "never twice" means: one idempotency key per financial effect.
 */
class ProcessRestartTest {

    private static final String[] SETTINGS = {
            "--server.port=0",
            "--omnireturns.process.lease=3s",
            "--omnireturns.process.step-retry-backoff=100ms",
            "--db-scheduler.polling-interval=100ms",
            "--omnireturns.connectors.payments.sandbox.latency=300ms",
            "--omnireturns.connectors.erp.sandbox.latency=300ms",
            "--omnireturns.connectors.loyalty.sandbox.latency=300ms"};

    @TempDir
    Path dataDir;

    @Test
    void a_service_stopped_mid_flow_completes_every_return_after_a_restart_without_paying_or_posting_twice() {
        List<String> returnIds = new ArrayList<>();
        List<SandboxPaymentGateway.Refund> refunds = new ArrayList<>();
        List<SandboxErp.CreditMemo> creditMemos = new ArrayList<>();
        SandboxPaymentGateway firstPayments;
        SandboxErp firstErp;

        try (ConfigurableApplicationContext first = start()) {
            ProcessDriver driver = driver(first);
            SandboxOrderSystem orders = first.getBean(SandboxOrderSystem.class);
            Clock clock = first.getBean(Clock.class);
            for (int i = 0; i < 20; i++) {
                // bought online, returned at the store counter: received and inspected on the spot
                OrderSnapshot order = TestOrders.copyOf(DemoOrders.webApparelOrder(clock.instant()));
                orders.register(order);
                String jacket = TestOrders.line(order, 1);
                String returnId = driver.requestStoreReturn(order.orderId(), DemoOrders.DEMO_STORE,
                        List.of(line(jacket, 2, "SIZE_OR_FIT")));
                driver.receiveAndInspect(returnId, DemoOrders.DEMO_STORE, Map.of(jacket, 2));
                returnIds.add(returnId);
            }
            firstPayments = first.getBean(SandboxPaymentGateway.class);
            firstErp = first.getBean(SandboxErp.class);
        }
        // read after the stop: calls still in flight while the first run shut down land in its ledgers too
        refunds.addAll(firstPayments.refunds());
        creditMemos.addAll(firstErp.creditMemos());

        try (ConfigurableApplicationContext second = start()) {
            ProcessDriver driver = driver(second);
            for (String returnId : returnIds) {
                driver.awaitStatus(returnId, "COMPLETED");
            }
            refunds.addAll(second.getBean(SandboxPaymentGateway.class).refunds());
            creditMemos.addAll(second.getBean(SandboxErp.class).creditMemos());
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);

            for (String returnId : returnIds) {
                assertThat(keysOf(refunds.stream().filter(r -> r.returnId().equals(returnId))
                        .map(SandboxPaymentGateway.Refund::idempotencyKey))).as("refund keys of " + returnId).hasSize(1);
                assertThat(keysOf(creditMemos.stream().filter(m -> m.returnId().equals(returnId))
                        .map(SandboxErp.CreditMemo::idempotencyKey))).as("credit memo keys of " + returnId).hasSize(1);
                assertThat(eventsOf(jdbc, returnId, "RefundIssued")).isEqualTo(1);
                assertThat(eventsOf(jdbc, returnId, "CreditMemoPosted")).isEqualTo(1);
                assertThat(eventsOf(jdbc, returnId, "InventoryAdjusted")).isEqualTo(1);
            }
        }
    }

    private static List<String> keysOf(Stream<String> keys) {
        return keys.distinct().toList();
    }

    private static int eventsOf(JdbcTemplate jdbc, String returnId, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?",
                Integer.class, returnId, "io.omnireturns.api.returns.event." + type);
    }

    private ConfigurableApplicationContext start() {
        String[] args = Stream.concat(Stream.of(SETTINGS),
                Stream.of("--omnireturns.database.embedded.data-dir=" + dataDir.resolve("postgres"))).toArray(String[]::new);
        return new SpringApplicationBuilder(OmniReturnsApplication.class).run(args);
    }

    private static ProcessDriver driver(ConfigurableApplicationContext context) {
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        return new ProcessDriver(new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port))));
    }
}
