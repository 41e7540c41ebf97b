package io.omnireturns.console.operations;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.ConnectorHttp;
import io.omnireturns.command.connectors.common.ConnectorSettings;
import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.SignedInAs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ConsoleBrowserTest
class OperationsBrowserTest {

    @Autowired
    private MeterRegistry meterRegistry;

    @Test
    void operations_see_every_processor_with_its_segments_and_owners_in_a_table_that_refreshes_itself(
            @SignedInAs("operations") ConsoleBrowser browser) {
        browser.find(By.linkText("Operations")).click();
        browser.waitUntil(ExpectedConditions.urlToBe(browser.baseUrl() + "/console/operations"));

        // read at once: the table may be swapped for a fresh one between two reads
        assertThat(texts(browser, "#processors-table tr[data-processor=return-status] td")).first()
                .isEqualTo("Running");
        assertThat(texts(browser, "#processors-table tr[data-processor=return-status] td.lag")).singleElement()
                .asString().matches("\\d+");
        assertThat(texts(browser, "#processors-table tr[data-processor=return-status] .segments li")).isNotEmpty()
                .allSatisfy(segment -> assertThat(segment).matches("#\\d+ · .+ · at .+"))
                .anySatisfy(segment -> assertThat(segment).contains("(here)"));
        assertThat(texts(browser, "#processors-table tbody th"))
                .anySatisfy(name -> assertThat(name).startsWith("exception-queue"))
                .anySatisfy(name -> assertThat(name).startsWith("kpi"));

        // the table is swapped for a fresh one every few seconds, without reloading the page
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        script.executeScript("window.notReloaded = true; document.getElementById('processors-table').dataset.old = 'yes'");
        browser.waitUntil(driver -> script.executeScript(
                "return document.getElementById('processors-table').dataset.old") == null);
        assertThat(script.executeScript("return window.notReloaded")).isEqualTo(true);
    }

    @Test
    void operations_replay_a_projection_after_confirming_and_verify_the_status_view_against_the_event_store(
            @SignedInAs("operations") ConsoleBrowser browser) {
        browser.open("/console/operations");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("replay-processor"))).selectByValue("kpi");
        browser.find(By.cssSelector("#replay-form button")).click();

        browser.waitUntil(ExpectedConditions.urlContains("/console/operations/processors/kpi/replay"));
        assertThat(browser.heading()).isEqualTo("Replay kpi?");
        browser.find(By.cssSelector("#replay-confirm button")).click();

        browser.waitUntil(ExpectedConditions.urlToBe(browser.baseUrl() + "/console/operations"));
        assertThat(browser.text(By.id("operations-notice"))).contains("Replay of kpi started");
        browser.waitUntil(ExpectedConditions.textToBe(
                By.cssSelector("#processors-table tr[data-processor=kpi] td.replay"), "Not replaying"));

        browser.find(By.cssSelector("#verification-form button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("verification-outcome")));
        assertThat(browser.text(By.id("verification-outcome"))).startsWith("Equal: the return-status view matches");
    }

    @Test
    void a_saga_is_not_offered_for_replay_and_its_replay_is_refused_when_posted_anyway(
            @SignedInAs("operations") ConsoleBrowser browser) {
        browser.open("/console/operations");
        assertThat(browser.findAll(By.cssSelector("#replay-processor option"))).extracting(WebElement::getText)
                .contains("return-status", "kpi").doesNotContain("return-process");

        ConsoleBrowser.Answer refused = browser.postWithCsrf("/console/operations/processors/kpi/replay");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Confirm the replay of kpi first.");
    }

    @Test
    void operations_see_each_connector_with_its_circuit_state_and_an_open_circuit_stands_out(
            @SignedInAs("operations") ConsoleBrowser browser) {
        ConnectorHttp payments = unreachablePaymentGateway();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> payments.callOnce("refund", () -> payments.client().get().retrieve()
                    .body(String.class))).isInstanceOf(ConnectorException.class);
        }
        assertThat(payments.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        try {
            browser.open("/console/operations");

            assertThat(browser.text(By.cssSelector("#connectors-table tr[data-connector=payments] td.circuit")))
                    .isEqualTo("OPEN: calls not attempted");
            assertThat(browser.text(By.cssSelector("#connectors-table tr[data-connector=carrier] td.circuit")))
                    .isEqualTo("No circuit (in-process sandbox)");
            assertThat(browser.text(By.cssSelector("#health-table tr[data-component=connectors]")))
                    .contains("DOWN", "payments DOWN (circuit: open)");
            assertThat(browser.text(By.cssSelector("#health-table tr[data-component=db]"))).contains("UP");

            payments.circuitBreaker().transitionToClosedState();
            browser.open("/console/operations");
            assertThat(browser.text(By.cssSelector("#connectors-table tr[data-connector=payments] td.circuit")))
                    .isEqualTo("CLOSED");
        } finally {
            payments.circuitBreaker().transitionToClosedState();
        }
    }

    @Test
    void a_finance_user_is_refused_the_operations_page_and_a_replay_posted_anyway(
            @SignedInAs("finance") ConsoleBrowser browser) {
        assertThat(browser.findAll(By.cssSelector("header nav a"))).extracting(WebElement::getText)
                .doesNotContain("Operations");
        assertThat(browser.open("/console/operations").heading()).isEqualTo("Not allowed");

        ConsoleBrowser.Answer replay = browser.postWithCsrf("/console/operations/processors/kpi/replay?confirm=kpi");

        assertThat(replay.status()).isEqualTo(403);
        assertThat(browser.postWithCsrf("/console/operations/views/return-status/verification").status())
                .isEqualTo(403);
    }

    /** A real HTTP payment connector (its resilience4j circuit published as the service's are) to a closed port. */
    private ConnectorHttp unreachablePaymentGateway() {
        ConnectorSettings defaults = ConnectorSettings.defaults();
        ConnectorSettings settings = new ConnectorSettings("http", "http://127.0.0.1:9", null,
                Duration.ofMillis(500), Duration.ofMillis(500), new ConnectorSettings.Retry(1, Duration.ofMillis(10), 1.0, 0),
                new ConnectorSettings.CircuitBreaker(50, 2, 2, Duration.ofMinutes(5)), defaults.sandbox());
        return new ConnectorHttp(ExternalSystem.PAYMENT, settings, RestClient.builder(), meterRegistry);
    }

    /** The trimmed texts of the elements a selector finds, read in one script (no element can go stale between). */
    @SuppressWarnings("unchecked")
    private static java.util.List<String> texts(ConsoleBrowser browser, String selector) {
        return (java.util.List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0]))"
                        + ".map(e => e.textContent.trim().replace(/\\s+/g, ' '))", selector);
    }
}
