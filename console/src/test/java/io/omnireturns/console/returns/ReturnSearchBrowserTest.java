package io.omnireturns.console.returns;

import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import io.omnireturns.console.browser.SignedInAs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleBrowserTest
class ReturnSearchBrowserTest {

    private static final By RESULT_LINKS = By.cssSelector("#results tbody a");

    @Test
    void a_service_agent_finds_a_return_by_its_order_without_a_page_reload_and_opens_it(
            @SignedInAs("service-agent") ConsoleBrowser browser, DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();
        browser.find(By.linkText("Returns")).click();
        browser.waitUntil(ExpectedConditions.urlToBe(browser.baseUrl() + "/console/returns"));
        // a marker on the page: a full reload would lose it, an htmx swap of the results keeps it
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true");

        browser.type(By.id("orderId"), requested.orderId());

        browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("#results .count"), "1 return"));
        assertThat(browser.findAll(RESULT_LINKS)).extracting(link -> link.getText())
                .containsExactly(requested.returnId());
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(browser.path()).contains("orderId=" + requested.orderId());

        browser.find(By.linkText(requested.returnId())).click();
        browser.waitUntil(ExpectedConditions.urlContains("/console/returns/" + requested.returnId()));
        assertThat(browser.heading()).isEqualTo("Return " + requested.returnId());
        assertThat(browser.text(By.id("return-status"))).isNotBlank();
        assertThat(browser.text(By.id("return-header"))).contains(requested.orderId(), "CUST-100", "WEB");
    }

    @Test
    void the_search_filters_by_customer_channel_status_and_date_range(@SignedInAs("service-agent") ConsoleBrowser browser,
                                                                      DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();

        browser.open("/console/returns?orderId=" + requested.orderId() + "&customerId=CUST-100&channel=WEB");
        assertThat(browser.findAll(RESULT_LINKS)).extracting(link -> link.getText()).containsExactly(requested.returnId());
        assertThat(browser.open("/console/returns?orderId=" + requested.orderId() + "&channel=STORE")
                .text(By.cssSelector("#results .count"))).isEqualTo("0 returns");
        assertThat(browser.open("/console/returns?orderId=" + requested.orderId() + "&to=2000-01-31")
                .text(By.cssSelector("#results .count"))).isEqualTo("0 returns");
        assertThat(browser.open("/console/returns?orderId=" + requested.orderId() + "&from=2000-01-01")
                .findAll(RESULT_LINKS)).hasSize(1);
        assertThat(browser.open("/console/returns?orderId=" + requested.orderId() + "&status=COMPLETED")
                .text(By.cssSelector("#results .count"))).isEqualTo("0 returns");
    }

    @Test
    void a_wrong_filter_value_is_explained_next_to_the_form(@SignedInAs("service-agent") ConsoleBrowser browser) {
        browser.open("/console/returns?from=yesterday&status=LOST");

        assertThat(browser.text(By.cssSelector("#results [role=alert]")))
                .contains("Unknown status LOST.", "The from date must look like 2026-01-31.");
    }

    @Test
    void a_store_associate_sees_only_their_own_stores_returns(@SignedInAs("store-002") ConsoleBrowser otherStore,
                                                              @SignedInAs("store-001") ConsoleBrowser store,
                                                              DemoReturns returns) {
        DemoReturns.Requested requested = returns.storeReturn();

        assertThat(store.open("/console/returns?orderId=" + requested.orderId()).findAll(RESULT_LINKS))
                .extracting(link -> link.getText()).containsExactly(requested.returnId());
        assertThat(otherStore.open("/console/returns?orderId=" + requested.orderId())
                .text(By.cssSelector("#results .count"))).isEqualTo("0 returns");
        assertThat(otherStore.open("/console/returns?storeId=STORE-001").text(By.cssSelector("#results [role=alert]")))
                .contains("STORE-001");
        assertThat(otherStore.open("/console/returns/" + requested.returnId()).heading())
                .isEqualTo("That did not work");
    }
}
