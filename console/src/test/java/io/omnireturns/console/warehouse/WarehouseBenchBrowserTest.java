package io.omnireturns.console.warehouse;

import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import io.omnireturns.console.browser.SignedInAs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleBrowserTest
class WarehouseBenchBrowserTest {

    private static By lineCell(String orderLineId, int column) {
        return By.cssSelector("#bench-lines tr[data-line='" + orderLineId + "'] td:nth-child(" + column + ")");
    }

    private static final int EXPECTED = 3;
    private static final int RECEIVED = 4;
    private static final int CHECK = 6;
    private static final int INSPECTION = 7;

    @Test
    void a_warehouse_associate_scans_a_return_receives_and_inspects_it_and_is_back_at_the_scan_field(
            @SignedInAs("warehouse") ConsoleBrowser browser, DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();
        String line = requested.orderId() + "-L1";
        browser.find(By.linkText("Receive and inspect")).click();
        assertThat(activeElementId(browser)).isEqualTo("code");

        // a scanner types the id and presses Enter
        browser.driver().switchTo().activeElement().sendKeys(requested.returnId() + Keys.ENTER);

        browser.waitUntil(ExpectedConditions.urlContains("/console/warehouse/returns/" + requested.returnId()));
        assertThat(browser.text(lineCell(line, EXPECTED))).isEqualTo("1");
        assertThat(browser.text(lineCell(line, RECEIVED))).isEqualTo("0");
        assertThat(browser.text(lineCell(line, CHECK))).isEqualTo("Expected");

        browser.type(By.id("locationId"), "DC-EAST").type(By.id("lines0.quantity"), "1");
        browser.find(By.cssSelector("#receipt-form button[type=submit]")).click();

        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("bench-notice"), "Receipt recorded"));
        assertThat(browser.text(lineCell(line, RECEIVED))).isEqualTo("1");
        assertThat(browser.text(lineCell(line, CHECK))).isEqualTo("Complete");
        assertThat(browser.text(By.id("bench-status"))).isEqualTo("RECEIVED");
        assertThat(activeElementId(browser)).isEqualTo("code");

        new Select(browser.find(By.id("lines0.grade"))).selectByValue("LIKE_NEW");
        new Select(browser.find(By.id("lines0.disposition"))).selectByValue("RESTOCK");
        browser.find(By.cssSelector("#inspection-form button[type=submit]")).click();

        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("bench-notice"), "Inspection recorded"));
        assertThat(browser.text(lineCell(line, INSPECTION))).contains("ACCEPTED", "1 accepted", "LIKE_NEW", "RESTOCK");
        assertThat(browser.findAll(By.id("inspection-form"))).isEmpty();
        assertThat(activeElementId(browser)).isEqualTo("code");
    }

    @Test
    void an_order_id_finds_its_open_return_a_quantity_too_high_is_refused_inline_and_a_short_receipt_shows_as_short(
            @SignedInAs("warehouse") ConsoleBrowser browser, DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn(2);
        String line = requested.orderId() + "-L1";
        browser.open("/console/warehouse?code=" + requested.orderId());
        browser.waitUntil(ExpectedConditions.urlContains("/console/warehouse/returns/" + requested.returnId()));

        browser.type(By.id("locationId"), "DC-EAST").type(By.id("lines0.quantity"), "3");
        browser.find(By.cssSelector("#receipt-form button[type=submit]")).click();

        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-problems")));
        assertThat(browser.text(By.id("receipt-problems"))).contains("Nothing was recorded", "only 2 are authorized");
        assertThat(browser.find(By.id("lines0.quantity")).getAttribute("value")).isEqualTo("3");
        assertThat(browser.text(lineCell(line, RECEIVED))).isEqualTo("0");
        assertThat(browser.text(By.id("bench-status"))).isEqualTo("AUTHORIZED");

        browser.type(By.id("lines0.quantity"), "1");
        browser.find(By.cssSelector("#receipt-form button[type=submit]")).click();

        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("bench-notice"), "Receipt recorded"));
        assertThat(browser.text(lineCell(line, EXPECTED))).isEqualTo("2");
        assertThat(browser.text(lineCell(line, RECEIVED))).isEqualTo("1");
        assertThat(browser.text(lineCell(line, CHECK))).isEqualTo("SHORT by 1");
    }

    @Test
    void a_wrong_item_is_marked_as_unexpected_and_puts_the_return_on_hold(@SignedInAs("warehouse") ConsoleBrowser browser,
                                                                          DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();
        String line = requested.orderId() + "-L1";
        browser.open("/console/warehouse/returns/" + requested.returnId());

        browser.type(By.id("locationId"), "DC-EAST").type(By.id("lines0.quantity"), "1")
                .type(By.id("lines0.receivedSku"), "TEE-ORG-WHT-L");
        browser.find(By.cssSelector("#receipt-form button[type=submit]")).click();

        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("bench-notice"), "Receipt recorded"));
        assertThat(browser.text(lineCell(line, CHECK))).isEqualTo("WRONG ITEM: 1 unexpected, SHORT by 1");
        // the hold is the process's reaction to the receipt, a moment after it: the bench shows it on the next look
        browser.waitUntil(driver -> browser.open("/console/warehouse/returns/" + requested.returnId())
                .text(By.id("bench-status")).equals("ON_HOLD"));
        assertThat(browser.text(By.id("bench-header"))).contains("INSPECTION_MISMATCH");
    }

    @Test
    void a_store_associate_finds_only_their_own_stores_returns(@SignedInAs("store-001") ConsoleBrowser store,
                                                               DemoReturns returns) {
        DemoReturns.Requested web = returns.webReturn();
        DemoReturns.Requested atTheStore = returns.storeReturn();

        store.open("/console/warehouse?code=" + web.returnId());
        assertThat(store.text(By.id("scan-problem"))).contains("No return");
        store.open("/console/warehouse?code=" + atTheStore.returnId());
        store.waitUntil(ExpectedConditions.urlContains("/console/warehouse/returns/" + atTheStore.returnId()));
        assertThat(store.find(By.id("locationId")).getAttribute("value")).isEqualTo("STORE-001");
    }

    @Test
    void a_finance_user_is_refused_the_bench_and_its_receipt_action(@SignedInAs("finance") ConsoleBrowser browser,
                                                                   DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();

        assertThat(browser.open("/console/warehouse/returns/" + requested.returnId()).heading()).isEqualTo("Not allowed");
        assertThat(browser.open("/console").findAll(By.linkText("Receive and inspect"))).isEmpty();
        ConsoleBrowser.Answer sentAnyway = browser.postWithCsrf("/console/warehouse/returns/" + requested.returnId()
                + "/receipts?locationId=DC-EAST&lines%5B0%5D.orderLineId=" + requested.orderId()
                + "-L1&lines%5B0%5D.quantity=1");

        assertThat(sentAnyway.status()).isEqualTo(403);
    }

    private static String activeElementId(ConsoleBrowser browser) {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }
}
