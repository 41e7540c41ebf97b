package io.omnireturns.console.exceptions;

import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import io.omnireturns.console.browser.SignedInAs;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleBrowserTest
class ExceptionQueueBrowserTest {

    @Autowired
    CommandGateway commands;

    /** A return whose customer notification used up its attempts: it waits in the queue, on hold. */
    private String raisedException(DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();
        commands.sendAndWait(new RaiseException(requested.returnId(), ProcessStep.NOTIFY_CUSTOMER,
                "NOTIFY_CUSTOMER:console-test", "TIMEOUT", "the CRM did not answer", 5));
        return requested.returnId();
    }

    /** Opens the queue of one return until its exception is listed with its CRM case (the CRM answers a moment later). */
    private static By rowOf(ConsoleBrowser browser, String returnId) {
        String exceptionId = "EX-" + returnId + "-1";
        browser.waitUntil(driver -> {
            browser.open("/console/exceptions?returnId=" + returnId);
            return !browser.findAll(By.cssSelector("#exception-" + exceptionId + " .case-link")).isEmpty();
        });
        return By.id("exception-" + exceptionId);
    }

    @Test
    void operations_see_an_exception_with_its_age_return_and_crm_case_and_retry_it_in_place(
            @SignedInAs("operations") ConsoleBrowser browser, DemoReturns returns) {
        String returnId = raisedException(returns);

        By row = rowOf(browser, returnId);
        assertThat(browser.text(row)).contains("CRM", "NOTIFY_CUSTOMER:console-test", "TIMEOUT",
                "the CRM did not answer", "after 5 attempts", "OPEN");
        assertThat(browser.find(row).findElement(By.cssSelector(".age")).getText()).isEqualTo("just now");
        assertThat(browser.find(row).findElement(By.linkText(returnId)).getAttribute("href"))
                .endsWith("/console/returns/" + returnId);
        assertThat(browser.find(row).findElement(By.cssSelector(".case-link")).getAttribute("href"))
                .startsWith("https://crm.example.test/cases/");
        ((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true");

        browser.find(row).findElement(By.cssSelector("button.retry")).click();

        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(row, "RESOLVED"));
        assertThat(browser.text(row)).contains("Retried", "RETRY by operations");
        assertThat(browser.find(row).findElements(By.cssSelector("button.retry"))).isEmpty();
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(browser.open("/console/exceptions?returnId=" + returnId).text(By.cssSelector("#results .count")))
                .as("the queue lists open exceptions by default").isEqualTo("0 exceptions");
    }

    @Test
    void the_queue_filters_by_system_and_age(@SignedInAs("operations") ConsoleBrowser browser, DemoReturns returns) {
        String returnId = raisedException(returns);
        rowOf(browser, returnId);

        assertThat(browser.open("/console/exceptions?returnId=" + returnId + "&system=CRM").findAll(By.cssSelector(
                ".exception-row"))).hasSize(1);
        assertThat(browser.open("/console/exceptions?returnId=" + returnId + "&system=PAYMENT")
                .text(By.cssSelector("#results .count"))).isEqualTo("0 exceptions");
        assertThat(browser.open("/console/exceptions?returnId=" + returnId + "&age=1h")
                .text(By.cssSelector("#results .count"))).isEqualTo("0 exceptions");
        assertThat(browser.open("/console/exceptions?returnId=" + returnId + "&state=ANY")
                .findAll(By.cssSelector(".exception-row"))).hasSize(1);
    }

    @Test
    void a_service_agent_resolves_an_exception_with_a_reason_but_may_not_retry_it(
            @SignedInAs("service-agent") ConsoleBrowser browser, DemoReturns returns) {
        String returnId = raisedException(returns);
        By row = rowOf(browser, returnId);
        assertThat(browser.find(row).findElements(By.cssSelector("button.retry"))).isEmpty();
        assertThat(browser.postWithCsrf("/console/exceptions/EX-" + returnId + "-1/retry").status()).isEqualTo(403);

        browser.find(row).findElement(By.cssSelector("details.resolve summary")).click();
        new Select(browser.find(By.id("decision-EX-" + returnId + "-1"))).selectByValue("RESUME");
        browser.type(By.id("reason-EX-" + returnId + "-1"), "the CRM is back");
        browser.find(row).findElement(By.cssSelector("details.resolve button[type=submit]")).click();

        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(row, "RESOLVED"));
        assertThat(browser.text(row)).contains("Resolved (RESUME)", "RESUME by service-agent");
    }

    @Test
    void a_warehouse_associate_is_refused_the_queue_and_its_actions(@SignedInAs("warehouse") ConsoleBrowser browser) {
        assertThat(browser.findAll(By.linkText("Exceptions"))).isEmpty();
        assertThat(browser.postWithCsrf("/console/exceptions/EX-RET-1-1/resolution").status()).isEqualTo(403);
        assertThat(browser.open("/console/exceptions").heading()).isEqualTo("Not allowed");
    }
}
