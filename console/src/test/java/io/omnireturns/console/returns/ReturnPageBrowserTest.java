package io.omnireturns.console.returns;

import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import io.omnireturns.console.browser.SignedInAs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleBrowserTest
class ReturnPageBrowserTest {

    private static final By STATUS = By.id("return-status");

    @Test
    void the_page_shows_the_returns_lines_refund_state_and_systems(@SignedInAs("service-agent") ConsoleBrowser browser,
                                                                    DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();

        browser.open("/console/returns/" + requested.returnId());

        assertThat(browser.heading()).isEqualTo("Return " + requested.returnId());
        assertThat(browser.text(By.id("return-lines"))).contains(requested.orderId() + "-L1", "SIZE_OR_FIT");
        assertThat(browser.text(By.id("refund-pending"))).contains("Not decided yet");
        assertThat(browser.text(By.id("return-systems"))).contains("PAYMENT", "CARRIER");
        assertThat(browser.text(By.id("return-timeline"))).isNotBlank();
    }

    @Test
    void the_agent_sees_the_customers_trust_tier_and_serial_returner_signals(
            @SignedInAs("service-agent") ConsoleBrowser browser, DemoReturns returns) {
        String customer = "CUST-W-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            returns.webReturnOf(customer, 2); // both jackets: 179.90 of 299.70, 60 % each time
        }
        DemoReturns.Requested fourth = returns.webReturnOf(customer, 2);

        browser.open("/console/returns/" + fourth.returnId());

        browser.waitUntil(ExpectedConditions.textToBe(By.id("trust-tier"), "WATCHED"));
        assertThat(browser.text(By.id("trust-figures"))).contains("3 return(s) in 365 days",
                "539.70 EUR of 899.10 EUR returned (60.02 %)", "3 in 30 days");
        assertThat(browser.text(By.id("returner-signals"))).contains("High return rate");
    }

    @Test
    void the_page_follows_the_return_to_completed_live_without_a_reload(
            @SignedInAs("service-agent") ConsoleBrowser browser, DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();
        browser.open("/console/returns/" + requested.returnId());
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        page.executeScript("window.notReloaded = true");

        returns.receiveAndInspect(requested);

        browser.waitUntil(ExpectedConditions.textToBe(STATUS, "COMPLETED"));
        assertThat(page.executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(browser.text(By.id("refund-approved"))).isEqualTo("107.94 EUR");
        assertThat(browser.text(By.id("tender-split"))).contains("107.94 EUR");
        assertThat(browser.findAll(By.id("cancel-form"))).isEmpty();
    }

    @Test
    void a_service_agent_puts_a_return_on_hold_and_resolves_it(@SignedInAs("service-agent") ConsoleBrowser browser,
                                                               DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();
        browser.open("/console/returns/" + requested.returnId());

        browser.type(By.id("hold-reason-input"), "customer called, checking the parcel");
        browser.find(By.cssSelector("#hold-form button")).click();
        browser.waitUntil(ExpectedConditions.textToBe(STATUS, "ON_HOLD"));
        assertThat(browser.text(By.id("return-header"))).contains("customer called, checking the parcel");

        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("resolve-reason")));
        browser.type(By.id("resolve-reason"), "parcel found");
        browser.find(By.cssSelector("#resolve-form button")).click();
        browser.waitUntil(ExpectedConditions.not(ExpectedConditions.textToBe(STATUS, "ON_HOLD")));
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains("Hold resolved");
    }

    @Test
    void a_note_is_added_once_and_goodwill_is_approved(@SignedInAs("service-agent") ConsoleBrowser browser,
                                                       DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();
        browser.open("/console/returns/" + requested.returnId());

        browser.type(By.id("note-text"), "Customer prefers a call back.");
        browser.find(By.cssSelector("#note-form button")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("return-notes"),
                "Customer prefers a call back."));
        assertThat(browser.findAll(By.cssSelector("#return-notes .note-text"))).hasSize(1);

        browser.type(By.id("goodwill-reason"), "long-standing customer");
        browser.find(By.cssSelector("#goodwill-form button")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                "Goodwill approved."));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("return-timeline"), "oodwill"));
    }

    @Test
    void a_decline_needs_a_note_for_other_shown_inline_then_declines(@SignedInAs("service-agent") ConsoleBrowser browser,
                                                                     DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();
        browser.open("/console/returns/" + requested.returnId());

        new Select(browser.find(By.id("decline-reason"))).selectByValue("OTHER");
        browser.find(By.cssSelector("#decline-form button")).click();
        assertThat(browser.text(By.cssSelector("#decline-form [role=alert]"))).isNotBlank();
        assertThat(browser.text(STATUS)).isNotEqualTo("REJECTED");

        new Select(browser.find(By.id("decline-reason"))).selectByValue("NOT_RETURNABLE");
        browser.find(By.cssSelector("#decline-form button")).click();
        browser.waitUntil(ExpectedConditions.textToBe(STATUS, "REJECTED"));
    }

    @Test
    void cancelling_needs_confirmation_then_cancels(@SignedInAs("service-agent") ConsoleBrowser browser,
                                                    DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();
        browser.open("/console/returns/" + requested.returnId());

        browser.type(By.id("cancel-reason"), "customer changed their mind");
        browser.find(By.cssSelector("#cancel-form button")).click();
        assertThat(browser.text(By.cssSelector("#cancel-form [role=alert]"))).contains("confirm");

        browser.type(By.id("cancel-reason"), "customer changed their mind");
        browser.find(By.id("cancel-confirmed")).click();
        browser.find(By.cssSelector("#cancel-form button")).click();
        browser.waitUntil(ExpectedConditions.textToBe(STATUS, "CANCELLED"));
    }

    @Test
    void the_warehouse_may_not_decline_and_another_store_does_not_see_the_return(
            @SignedInAs("warehouse") ConsoleBrowser warehouse, @SignedInAs("store-002") ConsoleBrowser otherStore,
            DemoReturns returns) {
        DemoReturns.Requested requested = returns.storeReturn();
        warehouse.open("/console/returns/" + requested.returnId());
        assertThat(warehouse.findAll(By.id("decline-form"))).isEmpty();

        assertThat(warehouse.postWithCsrf("/console/returns/" + requested.returnId() + "/decline").status())
                .isEqualTo(403);
        assertThat(otherStore.get("/console/returns/" + requested.returnId()).status()).isEqualTo(404);
    }
}
