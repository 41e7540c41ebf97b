package io.omnireturns.console;

import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import io.omnireturns.console.browser.SignedInAs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.nio.file.Path;

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
    void the_return_page_after_it_completed(@SignedInAs("service-agent") ConsoleBrowser browser, DemoReturns returns)
            throws Exception {
        Path docs = Path.of(System.getProperty("console.screenshots"));
        DemoReturns.Requested requested = returns.webReturn();
        returns.receiveAndInspect(requested);
        browser.driver().manage().window().setSize(new Dimension(1280, 2000));
        browser.open("/console/returns/" + requested.returnId());
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("return-status"), "COMPLETED"));
        browser.screenshot(docs.resolve("return-page.png"));
    }
}
