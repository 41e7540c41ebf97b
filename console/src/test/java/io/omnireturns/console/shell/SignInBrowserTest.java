package io.omnireturns.console.shell;

import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.SignedInAs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleBrowserTest
class SignInBrowserTest {

    @Test
    void an_unauthenticated_visit_to_the_console_is_sent_to_the_sign_in_page(ConsoleBrowser browser) {
        browser.open("/console/returns");

        assertThat(browser.path()).isEqualTo("/console/login");
        assertThat(browser.heading()).isEqualTo("Sign in");
    }

    @Test
    void any_client_not_signed_in_is_sent_to_the_sign_in_page(ConsoleBrowser browser) throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(browser.baseUrl() + "/console/returns")).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue(browser.baseUrl() + "/console/login");
    }

    @Test
    void after_signing_in_the_person_lands_on_the_page_they_asked_for(ConsoleBrowser browser) {
        browser.open("/console/returns");
        browser.type(By.id("username"), "service-agent").type(By.id("password"), "demo");
        browser.find(By.cssSelector("#sign-in button[type=submit]")).click();

        browser.waitUntil(ExpectedConditions.urlToBe(browser.baseUrl() + "/console/returns"));
        assertThat(browser.heading()).isEqualTo("Returns");
    }

    @Test
    void a_wrong_password_is_refused_on_the_sign_in_page(ConsoleBrowser browser) {
        browser.open("/console/login").type(By.id("username"), "service-agent").type(By.id("password"), "wrong");
        browser.find(By.cssSelector("#sign-in button[type=submit]")).click();

        browser.waitUntil(ExpectedConditions.urlContains("/console/login?failed"));
        assertThat(browser.text(By.cssSelector("[role=alert]"))).isEqualTo("Wrong user name or password.");
        assertThat(browser.open("/console").path()).isEqualTo("/console/login");
    }

    @Test
    void signing_out_ends_the_session(@SignedInAs("service-agent") ConsoleBrowser browser) {
        browser.find(By.xpath("//button[text()='Sign out']")).click();

        browser.waitUntil(ExpectedConditions.urlContains("/console/login?signed-out"));
        assertThat(browser.open("/console").path()).isEqualTo("/console/login");
    }

    @Test
    void the_first_tab_reaches_the_skip_link_which_leads_to_the_main_content(
            @SignedInAs("service-agent") ConsoleBrowser browser) {
        browser.find(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Skip to main content");

        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }

    @Test
    void the_console_session_does_not_sign_anyone_in_to_the_api(@SignedInAs("admin") ConsoleBrowser browser)
            throws Exception {
        // the API stays stateless: a console cookie is no credential there (and so no CSRF target). Sent with plain
        // HTTP: a browser would open a password dialog on the API's Basic challenge
        String cookie = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(browser.baseUrl() + "/api/v1/returns")).header("Cookie", "JSESSIONID=" + cookie).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void an_htmx_request_carries_the_pages_csrf_token(@SignedInAs("service-agent") ConsoleBrowser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("htmx.ajax('POST', '/console/logout', {target: 'main'})");

        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "You are signed out."));
        assertThat(browser.open("/console").path()).isEqualTo("/console/login");
    }

    @Test
    void an_htmx_request_after_the_session_ended_takes_the_whole_page_to_the_sign_in_page(
            @SignedInAs("service-agent") ConsoleBrowser browser) {
        browser.open("/console/returns");
        browser.driver().manage().deleteCookieNamed("JSESSIONID");

        browser.type(By.id("orderId"), "ORD-1001");

        browser.waitUntil(ExpectedConditions.urlToBe(browser.baseUrl() + "/console/login"));
        assertThat(browser.heading()).isEqualTo("Sign in");
    }
}
