package io.omnireturns.console.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium on the console, for a {@link ConsoleBrowserTest}: open pages by path, sign in, read and wait,
 * and send the requests a page could send (with or without its CSRF token) to see what the server answers.
 * {@link #driver()} is the Selenium driver for anything else.
 */
public final class ConsoleBrowser {

    /** Waits end as soon as the page is there: generous for a CI machine running other builds (load 10+ on 2 cores). */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How often a wait looks again: Selenium's default of 500 ms made most waits take half a second. */
    private static final Duration POLL = Duration.ofMillis(50);

    /** The window of a new browser, and of one used again. */
    static final Dimension WINDOW = new Dimension(1280, 900);

    private final WebDriver driver;
    private final String baseUrl;
    private final Path profile;

    ConsoleBrowser(WebDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** The same browser on another service (a test class with a Spring context of its own). */
    ConsoleBrowser at(String otherBaseUrl) {
        return otherBaseUrl.equals(baseUrl) ? this : new ConsoleBrowser(driver, otherBaseUrl, profile);
    }

    /**
     * Leaves the browser as a new one would be for the next test: one window of the starting size on a blank page,
     * no cookies (all sites and ports: a session of one test is not another's), nothing stored for the service's
     * origin, an empty cache.
     *
     * @throws RuntimeException when the browser does not answer (it is then quit, not used again)
     */
    void wipe() {
        ChromiumDriver chromium = (ChromiumDriver) driver;
        String first = driver.getWindowHandles().iterator().next();
        for (String window : driver.getWindowHandles()) {
            if (!window.equals(first)) {
                driver.switchTo().window(window).close();
            }
        }
        driver.switchTo().window(first);
        driver.get("about:blank");
        chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chromium.executeCdpCommand("Network.clearBrowserCache", Map.of());
        chromium.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", baseUrl, "storageTypes", "all"));
        driver.manage().window().setSize(WINDOW);
    }

    /** Quits the browser and removes its profile. */
    void close() {
        try {
            driver.quit();
        } finally {
            try {
                FileSystemUtils.deleteRecursively(profile);
            } catch (IOException ignored) {
                // a temporary directory: the system clears it eventually
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** The service's address, {@code http://localhost:<port>}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a path of the service ({@code /console/returns?orderId=...}). */
    public ConsoleBrowser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in on the sign-in page as a demo user (password {@code demo}) and waits for the console's home. */
    public ConsoleBrowser signInAs(String user) {
        open("/console/login");
        type(By.id("username"), user);
        type(By.id("password"), "demo");
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        waitUntil(ExpectedConditions.urlToBe(baseUrl + "/console"));
        return this;
    }

    /** The path (and query) of the page shown. */
    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /**
     * The visible text of the first element found. A live page may swap the element out between finding and reading
     * it (the status stream re-renders its part); it is then found again.
     */
    public String text(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(by).getText();
            } catch (StaleElementReferenceException swappedOut) {
                if (attempt == 5) {
                    throw swappedOut;
                }
            }
        }
    }

    /** The main heading of the page. */
    public String heading() {
        return text(By.tagName("h1"));
    }

    /** Replaces the text of a field, as a person would type it. */
    public ConsoleBrowser type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Waits (up to 30 s) until the condition holds, e.g. {@code ExpectedConditions.textToBePresentInElementLocated}. */
    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return waitUntil(PATIENCE, condition);
    }

    /** Waits up to {@code patience} until the condition holds, looking again every 50 ms. */
    public <T> T waitUntil(Duration patience, java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, patience, POLL).until(condition::apply);
    }

    /** What the server answers to a request sent from the current page. */
    public record Answer(int status, String body) {
    }

    /** Sends a request from the current page as its scripts would, with the page's CSRF token. */
    public Answer sendWithCsrf(String method, String path) {
        return send(method, path, true);
    }

    /** Sends a POST from the current page as its scripts would, with the page's CSRF token. */
    public Answer postWithCsrf(String path) {
        return send("POST", path, true);
    }

    /** Sends a POST from the current page without a CSRF token, as a forged request from elsewhere would. */
    public Answer postWithoutCsrf(String path) {
        return send("POST", path, false);
    }

    /**
     * Sends a GET to a console path from the current page (the session's cookie goes with it). Not for the API:
     * its Basic challenge would open the browser's password dialog.
     */
    public Answer get(String path) {
        return send("GET", path, false);
    }

    @SuppressWarnings("unchecked")
    private Answer send(String method, String path, boolean withCsrf) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const [method, path, withCsrf, done] = arguments;
                const headers = {};
                if (withCsrf) {
                    headers[document.querySelector('meta[name="_csrf_header"]').content] =
                        document.querySelector('meta[name="_csrf"]').content;
                }
                fetch(path, {method: method, headers: headers, redirect: 'manual'})
                    .then(response => response.text().then(body => done({status: response.status, body: body})))
                    .catch(error => done({status: -1, body: String(error)}));
                """, method, path, withCsrf);
        Map<String, Object> result = (Map<String, Object>) answer;
        return new Answer(((Number) result.get("status")).intValue(), (String) result.get("body"));
    }

    /** Saves a PNG of what the browser shows. */
    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
