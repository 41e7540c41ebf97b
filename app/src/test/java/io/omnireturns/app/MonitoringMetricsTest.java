package io.omnireturns.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.omnireturns.app.ProcessDriver.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard (ops/grafana) and the alert rules (ops/prometheus) name only metrics the service exports: one web
 * return runs to COMPLETED through the all-in-one service (embedded PostgreSQL, sandbox connectors but the fraud
 * service, which is reached over HTTP so the HTTP connector metrics and the circuit state exist too), then
 * {@code /actuator/prometheus} is scraped as Prometheus does and every metric name of every expression must be in it.
 */
@AppIntegrationTest
@TestPropertySource(properties = {
        "omnireturns.connectors.fraud.mode=http",
        "omnireturns.connectors.fraud.retry.max-attempts=1"})
@AutoConfigureObservability(tracing = false)
class MonitoringMetricsTest {

    /** Series Prometheus makes itself for every target, never in a scrape. */
    private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

    private static final WireMockServer FRAUD_SERVICE = startedFraudService();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void fraudService(DynamicPropertyRegistry registry) {
        registry.add("omnireturns.connectors.fraud.base-url", FRAUD_SERVICE::baseUrl);
    }

    @AfterAll
    static void stopFraudService() {
        FRAUD_SERVICE.stop();
    }

    @Test
    void after_a_web_return_every_metric_of_the_dashboard_and_the_alert_rules_is_in_the_scrape() {
        completeOneWebReturn();
        Set<String> exported = PromQlMetricNames.sampleNames(scrape());

        Map<String, Set<String>> used = new TreeMap<>();
        OpsFiles.dashboardExpressions().forEach((panel, expr) -> PromQlMetricNames.in(expr)
                .forEach(name -> used.computeIfAbsent(name, n -> new TreeSet<>()).add("dashboard: " + panel)));
        OpsFiles.alerts().forEach(alert -> PromQlMetricNames.in((String) alert.get("expr"))
                .forEach(name -> used.computeIfAbsent(name, n -> new TreeSet<>()).add("alert: " + alert.get("alert"))));

        // the reading of the files found what they are about (a parser that finds nothing proves nothing)
        assertThat(used).containsKeys("http_server_requests_seconds_bucket", "omnireturns_processor_lag_events",
                "omnireturns_processor_deadletters", "omnireturns_connector_circuit_state",
                "omnireturns_kpi_duration_seconds", "omnireturns_exception_queue_open", "omnireturns_database_available");
        Map<String, Set<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(exported);
        missing.keySet().removeAll(MADE_BY_PROMETHEUS);
        assertThat(missing).as("metrics named in ops/ that /actuator/prometheus does not export (name: where)")
                .isEmpty();
    }

    private void completeOneWebReturn() {
        OrderSnapshot order = TestOrders.copyOf(DemoOrders.webApparelOrder(clock.instant()));
        orders.register(order);
        String jacket = TestOrders.line(order, 1);
        ProcessDriver driver = new ProcessDriver(new ApiClient(rest));
        String returnId = driver.requestWebReturn(order.orderId(), List.of(line(jacket, 1, "SIZE_OR_FIT")),
                "ORIGINAL_TENDER");
        driver.receiveAndInspectWhenLabelled(returnId, order.fulfilmentLocationId(), Map.of(jacket, 1));
        driver.awaitStatus(returnId, "COMPLETED");
    }

    private String scrape() {
        return rest.withBasicAuth("operations", "demo").getForObject("/actuator/prometheus", String.class);
    }

    private static WireMockServer startedFraudService() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(post("/assessments").willReturn(okJson("""
                {"score": 7, "reviewRequired": false, "signals": []}""")));
        return server;
    }
}
