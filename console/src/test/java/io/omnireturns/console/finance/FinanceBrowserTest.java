package io.omnireturns.console.finance;

import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.SignedInAs;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finance's periods in the browser: picking a period, its reconciliation with a discrepancy opening its return and
 * ledger, the CSV download, and closing a period through its confirmation. Each test uses periods of its own (the
 * tests share one database): 2025-06 holds a discrepancy, 2025-07 is closed, 2025-08 stays open.
 */
@ConsoleBrowserTest
class FinanceBrowserTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    Clock clock;

    @Test
    void a_finance_user_picks_a_period_and_opens_the_return_behind_a_discrepancy(
            @SignedInAs("finance") ConsoleBrowser browser) {
        String returnId = LedgerStories.refundWithoutCreditMemo(eventStore, "2025-06-10T09:00:00Z");

        browser.find(By.linkText("Finance")).click();
        browser.type(By.id("period"), "2025-06");
        browser.find(By.cssSelector("#period-form button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.urlToBe(browser.baseUrl() + "/console/finance/periods/2025-06"));
        assertThat(browser.heading()).contains("Period 2025-06", "Open");
        // the ledger follows the events a moment later
        WebElement row = await().atMost(java.time.Duration.ofSeconds(180)).until(() -> discrepancyRow(browser.open("/console/finance/periods/2025-06"), returnId),
                found -> found != null);
        assertThat(row.getText()).contains("Refund without credit memo", "107.94 EUR", "WEB");
        assertThat(browser.text(By.id("totals-heading"))).isEqualTo("Totals");
        assertThat(browser.text(By.cssSelector("table.figures"))).contains("Refunds issued", "107.94 EUR");

        row.findElement(By.cssSelector("a.return-link")).click();
        browser.waitUntil(ExpectedConditions.urlToBe(browser.baseUrl() + "/console/returns/" + returnId));
        assertThat(browser.heading()).isEqualTo("Return " + returnId);

        browser.open("/console/finance/periods/2025-06");
        discrepancyRow(browser, returnId).findElement(By.cssSelector("a.ledger-link")).click();
        browser.waitUntil(ExpectedConditions.urlContains("/console/finance/returns/" + returnId + "/ledger"));
        assertThat(browser.text(By.id("ledger-table"))).contains("Refund", "2025-06", "107.94 EUR", "GW-" + returnId);
    }

    @Test
    void the_csv_link_downloads_the_apis_csv_of_the_period_with_the_session(
            @SignedInAs("finance") ConsoleBrowser browser) {
        String returnId = LedgerStories.refundWithoutCreditMemo(eventStore, "2025-06-12T09:00:00Z");
        await().atMost(java.time.Duration.ofSeconds(180)).until(() -> discrepancyRow(browser.open("/console/finance/periods/2025-06"), returnId) != null);

        String href = browser.find(By.id("csv-download")).getAttribute("href");
        assertThat(href).isEqualTo(browser.baseUrl() + "/console/finance/periods/2025-06/reconciliation.csv");
        ConsoleBrowser.Answer csv = browser.get("/console/finance/periods/2025-06/reconciliation.csv");

        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("section,period,state,currency,channel,tender_type");
        assertThat(lines).anyMatch(line -> line.startsWith("TOTAL,2025-06,OPEN,EUR,") && line.contains("REFUNDS_ISSUED"));
        assertThat(lines).anyMatch(line -> line.startsWith("DISCREPANCY,2025-06,OPEN,EUR,WEB,,,REFUND_WITHOUT_CREDIT_MEMO")
                && line.contains(returnId) && line.contains("10794"));
    }

    @Test
    void a_finance_user_closes_a_period_through_its_confirmation_and_a_second_close_is_refused_inline(
            @SignedInAs("finance") ConsoleBrowser browser) {
        browser.open("/console/finance/periods/2025-07");
        browser.find(By.id("close-period")).click();
        browser.waitUntil(ExpectedConditions.urlToBe(browser.baseUrl() + "/console/finance/periods/2025-07/close"));
        assertThat(browser.heading()).isEqualTo("Close period 2025-07?");
        assertThat(browser.text(By.cssSelector(".consequences"))).contains("frozen", "adjustments");

        browser.find(By.id("confirm")).click();
        browser.find(By.id("confirm-close")).click();

        browser.waitUntil(ExpectedConditions.urlToBe(browser.baseUrl() + "/console/finance/periods/2025-07"));
        assertThat(browser.text(By.id("period-state"))).isEqualTo("Closed");
        assertThat(browser.text(By.cssSelector(".notice[role=status]"))).contains("2025-07 is closed");
        assertThat(browser.text(By.id("period-facts"))).contains("by finance");
        assertThat(browser.findAll(By.id("close-period"))).isEmpty();
        // the confirmation of a closed period says so, and a close sent anyway is the ledger's refusal
        assertThat(browser.open("/console/finance/periods/2025-07/close").text(By.id("already-closed")))
                .contains("was closed");
        ConsoleBrowser.Answer again = browser.postWithCsrf("/console/finance/periods/2025-07/close?confirm=2025-07");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already closed", "Nothing was changed");
    }

    @Test
    void a_close_without_confirmation_or_of_a_period_not_ended_changes_nothing(
            @SignedInAs("finance") ConsoleBrowser browser) {
        browser.open("/console/finance/periods/2025-08");
        ConsoleBrowser.Answer unconfirmed = browser.postWithCsrf("/console/finance/periods/2025-08/close");
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("Tick the box", "nothing was closed");
        assertThat(browser.open("/console/finance/periods/2025-08").text(By.id("period-state"))).isEqualTo("Open");

        String current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
        browser.open("/console/finance/periods/" + current + "/close");
        browser.find(By.id("confirm")).click();
        browser.find(By.id("confirm-close")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("close-problem")));
        assertThat(browser.text(By.id("close-problem"))).contains("only a period that has ended can be closed",
                "Nothing was changed");
        assertThat(browser.open("/console/finance/periods/" + current).text(By.id("period-state"))).isEqualTo("Open");
    }

    @Test
    void warehouse_is_refused_the_finance_pages_and_an_auditor_reads_them_but_may_not_close(
            @SignedInAs("warehouse") ConsoleBrowser warehouse, @SignedInAs("auditor") ConsoleBrowser auditor) {
        assertThat(warehouse.open("/console/finance/periods").heading()).isEqualTo("Not allowed");
        assertThat(warehouse.get("/console/finance/periods/2025-09").status()).isEqualTo(403);
        assertThat(warehouse.postWithCsrf("/console/finance/periods/2025-09/close?confirm=2025-09").status())
                .isEqualTo(403);
        assertThat(warehouse.get("/console/finance/kpis").status()).isEqualTo(403);

        assertThat(auditor.open("/console/finance/periods/2025-09").heading()).contains("Period 2025-09");
        assertThat(auditor.findAll(By.id("close-period"))).isEmpty();
        assertThat(auditor.postWithCsrf("/console/finance/periods/2025-09/close?confirm=2025-09").status())
                .isEqualTo(403);
        assertThat(auditor.open("/console/finance/periods/2025-09").text(By.id("period-state"))).isEqualTo("Open");
    }

    private static WebElement discrepancyRow(ConsoleBrowser browser, String returnId) {
        return browser.findAll(By.cssSelector("#discrepancy-table tbody tr[data-kind=REFUND_WITHOUT_CREDIT_MEMO]")).stream()
                .filter(row -> row.getText().contains(returnId)).findFirst().orElse(null);
    }
}
