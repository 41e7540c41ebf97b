package io.omnireturns.console.finance;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import io.omnireturns.console.browser.SignedInAs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The KPI dashboard: a chart per KPI drawn by Chart.js, and the same numbers in tables, after returns complete. */
@ConsoleBrowserTest
class KpiDashboardBrowserTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Clock clock;

    @Test
    void the_dashboard_draws_every_chart_and_its_tables_count_completed_returns(
            @SignedInAs("finance") ConsoleBrowser browser, DemoReturns returns) {
        completed(returns.webReturn());
        completed(returns.webReturn());
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();

        // the KPI view follows the events a moment later
        WebElement row = await().atMost(Duration.ofSeconds(180)).until(
                () -> todaysRow(browser.open("/console/finance/kpis"), "kpi-table", today),
                found -> found != null && !found.getText().contains("— (0)"));

        assertThat(browser.findAll(By.cssSelector("#kpi-charts canvas"))).hasSize(5)
                .allSatisfy(canvas -> assertThat(canvas.getAttribute("data-drawn")).isEqualTo("true"));
        // return cycle time and refund latency in hours (count in brackets), the exception rate of today's returns
        assertThat(row.getText()).matches("(?s).*\\d+\\.\\d h \\(\\d+\\).*\\d+\\.\\d % \\(\\d+ of \\d+\\).*");
        WebElement reasons = todaysRow(browser, "reason-table", today);
        List<WebElement> cells = reasons.findElements(By.tagName("td"));
        assertThat(Long.parseLong(cells.get(0).getText())).isGreaterThanOrEqualTo(2);
        assertThat(browser.text(By.cssSelector("#reason-table thead"))).contains("Size or fit", "Defective");
    }

    @Test
    void operations_sees_the_dashboard_by_week_and_a_reversed_range_is_shown_back(
            @SignedInAs("operations") ConsoleBrowser browser) {
        browser.open("/console/finance/kpis?from=2025-01-01&to=2025-03-31&bucket=WEEK");
        assertThat(browser.findAll(By.cssSelector("header nav a"))).extracting(WebElement::getText).contains("KPIs")
                .doesNotContain("Finance");
        assertThat(browser.findAll(By.cssSelector("#kpi-table tbody tr"))).hasSize(14);
        assertThat(browser.text(By.cssSelector("#kpi-table tbody tr"))).startsWith("2024-12-30");

        browser.open("/console/finance/kpis?from=2025-03-01&to=2025-01-01");
        assertThat(browser.text(By.cssSelector(".notice.error"))).contains("must end on or after");
        assertThat(browser.get("/console/finance/periods").status()).isEqualTo(403);
    }

    /** Receives and inspects the return through the API as the warehouse would, and waits for COMPLETED. */
    private void completed(DemoReturns.Requested requested) {
        String line = requested.orderId() + "-L1";
        post("/api/v1/returns/" + requested.returnId() + "/receipts", Map.of("receiptId", "RCPT-" + requested.returnId(),
                "locationId", "DC-EAST", "lines", List.of(Map.of("orderLineId", line, "quantity", 1))));
        post("/api/v1/returns/" + requested.returnId() + "/inspections", Map.of("inspectionId",
                "INSP-" + requested.returnId(), "lines", List.of(Map.of("orderLineId", line, "acceptedQuantity", 1,
                        "rejectedQuantity", 0, "grade", "NEW", "disposition", "RESTOCK"))));
        HttpHeaders reader = headers();
        await().atMost(Duration.ofSeconds(180)).until(() -> rest.exchange("/api/v1/returns/" + requested.returnId(),
                HttpMethod.GET, new HttpEntity<>(reader), JsonNode.class).getBody().path("status").asText(),
                "COMPLETED"::equals);
    }

    private void post(String path, Map<String, Object> body) {
        assertThat(rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers()), String.class)
                .getStatusCode().is2xxSuccessful()).as(path).isTrue();
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("warehouse", "demo");
        return headers;
    }

    private static WebElement todaysRow(ConsoleBrowser browser, String table, String day) {
        return browser.findAll(By.cssSelector("#" + table + " tbody tr")).stream()
                .filter(row -> row.getText().startsWith(day)).findFirst().orElse(null);
    }
}
