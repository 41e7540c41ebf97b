package io.omnireturns.console.audit;

import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import io.omnireturns.console.browser.SignedInAs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleBrowserTest
class AuditBrowserTest {

    private static final By EVENT_ROWS = By.cssSelector("#audit-events tbody tr");

    @Autowired
    private TestRestTemplate rest;

    @Test
    void an_auditor_opens_a_completed_returns_history_and_sees_who_acted_in_which_conversation(
            @SignedInAs("auditor") ConsoleBrowser browser, DemoReturns returns) {
        DemoReturns.Requested completed = CompletedReturns.completedWebReturn(returns, rest);

        browser.find(By.linkText("Audit")).click();
        browser.type(By.id("returnId"), completed.returnId());
        browser.find(By.cssSelector("#audit-return button[type=submit]")).click();

        browser.waitUntil(ExpectedConditions.urlContains("/console/audit/returns/" + completed.returnId()));
        assertThat(browser.heading()).isEqualTo("History of " + completed.returnId());
        List<WebElement> rows = browser.findAll(EVENT_ROWS);
        assertThat(rows).hasSizeGreaterThan(5);
        assertThat(browser.findAll(By.cssSelector("#audit-events td.actor"))).extracting(WebElement::getText)
                .contains("web-shop", "warehouse");
        assertThat(browser.findAll(By.cssSelector("#audit-events td.correlation"))).extracting(WebElement::getText)
                .allSatisfy(correlationId -> assertThat(correlationId).isNotBlank().isNotEqualTo("—"));
        assertThat(browser.findAll(By.cssSelector("#audit-events td.summary > span")))
                .extracting(WebElement::getText).allSatisfy(summary -> assertThat(summary).isNotBlank());
        assertThat(browser.text(By.id("as-of-status"))).isEqualTo("COMPLETED");

        WebElement firstEvent = rows.get(0);
        firstEvent.findElement(By.tagName("summary")).click();
        assertThat(firstEvent.findElement(By.cssSelector("pre.json")).getText()).contains(completed.returnId());
    }

    @Test
    void moving_the_as_of_slider_to_an_earlier_instant_shows_the_earlier_state_without_a_reload(
            @SignedInAs("auditor") ConsoleBrowser browser, DemoReturns returns) {
        DemoReturns.Requested completed = CompletedReturns.completedWebReturn(returns, rest);
        browser.open("/console/audit/returns/" + completed.returnId());
        String lastVersion = browser.text(By.id("as-of-version"));
        String firstEventTime = browser.find(By.cssSelector("#audit-events tbody tr time")).getAttribute("datetime");
        ((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true");

        browser.find(By.id("as-of-range")).sendKeys(Keys.HOME);

        browser.waitUntil(driver -> statusShown(browser).filter(status -> !status.equals("COMPLETED")).isPresent());
        assertThat(browser.text(By.id("as-of-status"))).isIn("REQUESTED", "AUTHORIZED");
        assertThat(browser.text(By.id("as-of-version"))).isNotEqualTo(lastVersion);
        assertThat(Instant.parse(browser.find(By.id("as-of")).getAttribute("value")))
                .isEqualTo(Instant.parse(firstEventTime));
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(browser.path()).contains("asOf=");

        browser.find(By.id("as-of-range")).sendKeys(Keys.END);
        browser.waitUntil(ExpectedConditions.textToBe(By.id("as-of-status"), "COMPLETED"));

        browser.type(By.id("as-of"), "2000-01-01T00:00:00Z").find(By.id("as-of")).sendKeys(Keys.TAB);
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#as-of-state [role=alert]"),
                "did not exist yet"));
    }

    @Test
    void an_auditor_downloads_the_event_export_and_a_range_over_the_limit_is_refused(
            @SignedInAs("auditor") ConsoleBrowser browser, DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        browser.open("/console/audit");
        assertThat(browser.text(By.cssSelector("#audit-export button"))).contains("Download events");

        ConsoleBrowser.Answer export = browser.get("/console/audit/export?from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1));

        assertThat(export.status()).isEqualTo(200);
        assertThat(Arrays.stream(export.body().split("\n")).filter(line -> !line.isBlank()))
                .allSatisfy(line -> assertThat(line).startsWith("{\"globalIndex\":").endsWith("}"))
                .anySatisfy(line -> assertThat(line).contains("\"aggregateId\":\"" + requested.returnId() + "\""));

        browser.open("/console/audit/export?from=2026-01-01&to=2026-03-31");
        assertThat(browser.text(By.id("export-problems"))).contains("at most 31 days");
    }

    @Test
    void a_service_agent_is_refused_the_audit_and_operations_may_trace_but_not_export(
            @SignedInAs("service-agent") ConsoleBrowser agent, @SignedInAs("operations") ConsoleBrowser operations) {
        assertThat(agent.findAll(By.cssSelector("header nav a"))).extracting(WebElement::getText)
                .doesNotContain("Audit");
        assertThat(agent.open("/console/audit").heading()).isEqualTo("Not allowed");
        assertThat(agent.get("/console/audit/returns/RET-1").status()).isEqualTo(403);

        assertThat(operations.open("/console/audit").heading()).isEqualTo("Audit");
        assertThat(operations.findAll(By.id("audit-export"))).isEmpty();
        assertThat(operations.get("/console/audit/export?from=2026-01-01&to=2026-01-02").status()).isEqualTo(403);
    }

    /** The state's status, or empty while htmx swaps the state (the element read may have just been replaced). */
    private static java.util.Optional<String> statusShown(ConsoleBrowser browser) {
        try {
            return java.util.Optional.of(browser.text(By.id("as-of-status")));
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException swapping) {
            return java.util.Optional.empty();
        }
    }
}
