package io.omnireturns.console;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.command.connectors.common.ConnectorHttp;
import io.omnireturns.command.connectors.common.ConnectorSettings;
import io.omnireturns.console.audit.CompletedReturns;
import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import io.omnireturns.console.browser.SignedInAs;
import io.omnireturns.console.finance.LedgerStories;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.web.client.RestClient;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refreshes the README's console screenshots in {@code docs/console/}; run on purpose only, as it writes into the
 * source tree: {@code mvn -B -q -pl console -am -Dtest=ConsoleScreenshots -Dsurefire.failIfNoSpecifiedTests=false
 * -Dconsole.screenshots=../docs/console test}. A new screen adds its picture here.
 */
@ConsoleBrowserTest
@EnabledIfSystemProperty(named = "console.screenshots", matches = ".+",
        disabledReason = "writes docs/console/*.png: run on purpose with -Dconsole.screenshots=../docs/console")
class ConsoleScreenshots {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private MeterRegistry meterRegistry;
    @Test
    void home_search_and_sign_in(@SignedInAs("service-agent") ConsoleBrowser browser, ConsoleBrowser signedOut,
                                 DemoReturns returns) throws Exception {
        Path docs = Path.of(System.getProperty("console.screenshots"));
        for (int i = 0; i < 3; i++) {
            returns.webReturn();
        }
        returns.storeReturn();
        browser.driver().manage().window().setSize(new Dimension(1280, 800));
        browser.screenshot(docs.resolve("home.png"));
        assertThat(browser.open("/console/returns?customerId=CUST-100").findAll(By.cssSelector("#results tbody tr")))
                .isNotEmpty();
        browser.screenshot(docs.resolve("returns-search.png"));
        // the warehouse bench's tablet
        browser.driver().manage().window().setSize(new Dimension(768, 1024));
        browser.open("/console/returns");
        browser.screenshot(docs.resolve("returns-search-tablet.png"));
        signedOut.open("/console/login").screenshot(docs.resolve("sign-in.png"));
    }

    @Test
    void warehouse_bench(@SignedInAs("warehouse") ConsoleBrowser browser, DemoReturns returns) throws Exception {
        Path docs = Path.of(System.getProperty("console.screenshots"));
        DemoReturns.Requested requested = returns.webReturn(2);
        // the bench's tablet, after a short receipt: one of two jackets arrived
        browser.driver().manage().window().setSize(new Dimension(768, 1024));
        browser.open("/console/warehouse/returns/" + requested.returnId());
        browser.type(By.id("locationId"), "DC-EAST").type(By.id("lines0.quantity"), "1");
        browser.find(By.cssSelector("#receipt-form button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("bench-notice")));
        browser.screenshot(docs.resolve("warehouse-bench-tablet.png"));
    }

    @Test
    void exception_queue(@SignedInAs("operations") ConsoleBrowser browser, DemoReturns returns) throws Exception {
        Path docs = Path.of(System.getProperty("console.screenshots"));
        for (int i = 0; i < 2; i++) {
            commands.sendAndWait(new RaiseException(returns.webReturn().returnId(), ProcessStep.NOTIFY_CUSTOMER, "NOTIFY_CUSTOMER:RETURN_AUTHORIZED",
                    "TIMEOUT", "the CRM did not answer within 5 s", 5));
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 800));
        browser.waitUntil(driver -> browser.open("/console/exceptions").findAll(By.cssSelector(".case-link")).size() >= 2);
        browser.find(By.cssSelector("details.resolve summary")).click();
        browser.screenshot(docs.resolve("exceptions.png"));
    }

    @Test
    void finance_reconciliation_close_and_kpis(@SignedInAs("finance") ConsoleBrowser browser, DemoReturns returns)
            throws Exception {
        Path docs = Path.of(System.getProperty("console.screenshots"));
        String returnId = LedgerStories.refundWithoutCreditMemo(eventStore, "2025-05-14T09:00:00Z");
        LedgerStories.refundWithoutCreditMemo(eventStore, "2025-05-20T15:30:00Z");
        for (int i = 0; i < 3; i++) {
            returns.webReturn();
        }
        returns.storeReturn();
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(180)).until(() -> browser.open("/console/finance/periods/2025-05")
                .findAll(By.cssSelector("#discrepancy-table tbody tr")).size() >= 4);
        browser.screenshot(docs.resolve("finance-reconciliation.png"));
        browser.open("/console/finance/returns/" + returnId + "/ledger");
        browser.open("/console/finance/periods/2025-04/close");
        browser.screenshot(docs.resolve("finance-close.png"));
        browser.driver().manage().window().setSize(new Dimension(1280, 1400));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(180)).until(() -> !browser.open("/console/finance/kpis")
                .text(By.cssSelector("#reason-table tbody tr:last-child td")).equals("0"));
        browser.waitUntil(driver -> driver.findElements(By.cssSelector("canvas[data-drawn=true]")).size() == 5);
        browser.screenshot(docs.resolve("finance-kpis.png"));
    }

    @Test
    void audit_and_operations(@SignedInAs("auditor") ConsoleBrowser auditor,
                              @SignedInAs("operations") ConsoleBrowser operations, DemoReturns returns)
            throws Exception {
        Path docs = Path.of(System.getProperty("console.screenshots"));
        DemoReturns.Requested completed = CompletedReturns.completedWebReturn(returns, rest);
        auditor.driver().manage().window().setSize(new Dimension(1280, 1500));
        auditor.open("/console/audit/returns/" + completed.returnId());
        // the slider a third into the return's life (it moves in milliseconds: arrow keys would barely move it)
        ((JavascriptExecutor) auditor.driver()).executeScript(
                "const range = document.getElementById('as-of-range');"
                        + "range.value = Math.round(Number(range.min) + (Number(range.max) - Number(range.min)) / 3);"
                        + "range.dispatchEvent(new Event('input', {bubbles: true}));"
                        + "range.dispatchEvent(new Event('change', {bubbles: true}));");
        auditor.waitUntil(driver -> !auditor.text(By.id("as-of-status")).equals("COMPLETED")
                && !auditor.text(By.id("as-of-version")).equals("#0"));
        auditor.find(By.cssSelector("#audit-events tbody tr summary")).click();
        ((JavascriptExecutor) auditor.driver()).executeScript("window.scrollTo(0, 0)");
        auditor.screenshot(docs.resolve("audit-history.png"));

        // one HTTP connector whose system stopped answering, so the picture shows an open circuit
        ConnectorSettings settings = new ConnectorSettings("http", "http://127.0.0.1:9", null,
                Duration.ofMillis(500), Duration.ofMillis(500), new ConnectorSettings.Retry(1, Duration.ofMillis(10), 1.0, 0),
                new ConnectorSettings.CircuitBreaker(50, 2, 2, Duration.ofMinutes(5)),
                ConnectorSettings.defaults().sandbox());
        ConnectorHttp carrier = new ConnectorHttp(ExternalSystem.CARRIER, settings, RestClient.builder(), meterRegistry);
        for (int i = 0; i < 2; i++) {
            try {
                carrier.callOnce("label", () -> carrier.client().get().retrieve().body(String.class));
            } catch (RuntimeException expected) {
                // the closed port: what opens the circuit
            }
        }
        operations.driver().manage().window().setSize(new Dimension(1280, 1700));
        operations.open("/console/operations");
        operations.screenshot(docs.resolve("operations.png"));
        carrier.circuitBreaker().transitionToClosedState();
        // the status view's replay is a rebuild beside the live table: what the confirmation says before it starts
        operations.driver().manage().window().setSize(new Dimension(1280, 800));
        operations.open("/console/operations/processors/return-status/replay");
        operations.screenshot(docs.resolve("replay-return-status.png"));
    }

    @Test
    void the_return_page_after_it_completed(@SignedInAs("service-agent") ConsoleBrowser browser, DemoReturns returns)
            throws Exception {
        Path docs = Path.of(System.getProperty("console.screenshots"));
        DemoReturns.Requested requested = returns.webReturn();
        returns.receiveAndInspect(requested);
        browser.driver().manage().window().setSize(new Dimension(1280, 2000));
        browser.open("/console/returns/" + requested.returnId());
        browser.waitUntil(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("return-status"), "COMPLETED"));
        browser.screenshot(docs.resolve("return-page.png"));
    }

    @Test
    void a_watched_customers_return_page(@SignedInAs("service-agent") ConsoleBrowser browser, DemoReturns returns)
            throws Exception {
        Path docs = Path.of(System.getProperty("console.screenshots"));
        String customer = "CUST-W-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            returns.webReturnOf(customer, 2); // both jackets each time: 60 % returned
        }
        DemoReturns.Requested fourth = returns.webReturnOf(customer, 2);
        browser.driver().manage().window().setSize(new Dimension(1280, 800));
        browser.open("/console/returns/" + fourth.returnId());
        browser.waitUntil(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("trust-tier"), "WATCHED"));
        browser.screenshot(docs.resolve("return-page-trust.png"));
    }

    @Test
    void start_a_return(@SignedInAs("service-agent") ConsoleBrowser browser) throws Exception {
        Path docs = Path.of(System.getProperty("console.screenshots"));
        // the README's tour: ORD-1001 looked up, one rain jacket coming back (nothing is sent)
        browser.driver().manage().window().setSize(new Dimension(1280, 1100));
        browser.open("/console/returns/new?orderId=ORD-1001");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("start-return-form")));
        browser.type(By.id("lines0.quantity"), "1");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("lines0.reason"))).selectByValue("DEFECTIVE");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.activeElement.blur()");
        browser.screenshot(docs.resolve("start-return.png"));
        browser.driver().manage().window().setSize(new Dimension(768, 1500));
        browser.screenshot(docs.resolve("start-return-tablet.png"));
    }
}
