package io.omnireturns.console.portal;

import io.omnireturns.console.browser.ConsoleBrowser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** What a shopper does on the portal, step by step, in a {@link ConsoleBrowser}. */
final class PortalShopping {

    /** The demo contact of CUST-100 (ORD-1001 and its copies). */
    static final String ALEX_EMAIL = "alex.morgan@example.com";

    private PortalShopping() {
    }

    /** A guest finds an order on the portal's front page; the browser is then on whatever page answered. */
    static void guestLooksUp(ConsoleBrowser browser, String orderNumber, String contact) {
        browser.open("/portal");
        browser.type(By.id("orderNumber"), orderNumber).type(By.id("contact"), contact);
        browser.find(By.cssSelector("#find-order button[type=submit]")).click();
        browser.waitUntil(driver -> !driver.getCurrentUrl().endsWith("/portal")
                || !driver.findElements(By.id("find-problem")).isEmpty());
    }

    /** A customer signs in with their account (password {@code demo}) and lands on their orders. */
    static void signsIn(ConsoleBrowser browser, String account) {
        browser.open("/portal/login");
        browser.type(By.id("username"), account).type(By.id("password"), "demo");
        browser.find(By.cssSelector("#sign-in button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("returns-heading")));
    }

    /** On an order's page: how many of line {@code index} come back and why. */
    static void chooses(ConsoleBrowser browser, int index, int quantity, String reason) {
        new Select(browser.find(By.id("lines" + index + ".quantity"))).selectByValue(String.valueOf(quantity));
        new Select(browser.find(By.id("lines" + index + ".reason"))).selectByValue(reason);
    }

    /** On an order's page: shows the options for what was chosen. */
    static void seesOptions(ConsoleBrowser browser) {
        browser.find(By.cssSelector("#choose-items button[type=submit]")).click();
        browser.waitUntil(driver -> !driver.findElements(By.id("send-return")).isEmpty()
                || !driver.findElements(By.id("problems")).isEmpty());
    }

    /** On the options page: the form's fields as the browser would send them (to send them again). */
    static String sendReturnFormBody(ConsoleBrowser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return new URLSearchParams(new FormData(document.getElementById('send-return'))).toString();");
    }

    /** On the options page: picks a way of getting the money back. */
    static void picks(ConsoleBrowser browser, String method) {
        browser.find(By.cssSelector("[data-method=" + method + "] input[type=radio]")).click();
    }

    /** On the options page: picks a way of getting the money back and sends the return; lands on its page. */
    static String sendsReturn(ConsoleBrowser browser, String method) {
        picks(browser, method);
        return sends(browser);
    }

    /** On the options page, an option picked: sends the return; lands on its page and answers its id. */
    static String sends(ConsoleBrowser browser) {
        browser.find(By.cssSelector("#send-return button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("status-sentence")));
        String path = browser.path();
        return path.substring("/portal/returns/".length());
    }

    /** Posts a form body from the current page (a resubmission), following redirects: the path it ends on. */
    static String postFormFollowing(ConsoleBrowser browser, String path, String body) {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const [path, body, done] = arguments;
                fetch(path, {method: 'POST', body: body,
                             headers: {'Content-Type': 'application/x-www-form-urlencoded'}})
                    .then(response => done(new URL(response.url).pathname))
                    .catch(error => done('failed: ' + error));
                """, path, body);
    }
}
