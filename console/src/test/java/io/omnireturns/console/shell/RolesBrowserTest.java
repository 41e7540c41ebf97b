package io.omnireturns.console.shell;

import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.SignedInAs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleBrowserTest
class RolesBrowserTest {

    private static final By NAVIGATION = By.cssSelector("header nav a");

    @Test
    void a_service_agent_is_offered_the_returns_search(@SignedInAs("service-agent") ConsoleBrowser browser) {
        assertThat(browser.findAll(NAVIGATION)).extracting(link -> link.getText()).containsExactly("Home", "Returns", "Exceptions");
        assertThat(browser.text(By.cssSelector(".who"))).contains("service-agent", "Service agent");
        assertThat(browser.findAll(By.cssSelector(".cards h2"))).extracting(card -> card.getText())
                .containsExactly("Returns", "Exceptions");
    }

    @Test
    void a_channel_system_is_offered_no_screen_and_refused_every_page(@SignedInAs("web-shop") ConsoleBrowser browser) {
        assertThat(browser.heading()).isEqualTo("Not allowed");
        assertThat(browser.findAll(NAVIGATION)).extracting(link -> link.getText()).containsExactly("Home");
        assertThat(browser.get("/console/returns").status()).isEqualTo(403);
    }

    @Test
    void a_finance_user_is_refused_a_warehouse_page(@SignedInAs("finance") ConsoleBrowser browser) {
        assertThat(browser.open("/console/warehouse").heading()).isEqualTo("Not allowed");
        assertThat(browser.text(By.id("refusal-reason"))).contains("Your role may not");
        assertThat(browser.get("/console/warehouse/receipts").status()).isEqualTo(403);
    }

    @Test
    void a_finance_user_is_refused_a_warehouse_action_sent_anyway_with_a_valid_token(
            @SignedInAs("finance") ConsoleBrowser browser) {
        ConsoleBrowser.Answer answer = browser.postWithCsrf("/console/warehouse/receipts");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("Your role may not");
    }

    @Test
    void a_post_without_its_csrf_token_is_refused_and_changes_nothing(
            @SignedInAs("service-agent") ConsoleBrowser browser) {
        ConsoleBrowser.Answer forged = browser.postWithoutCsrf("/console/logout");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("security token");
        // still signed in: the forged sign-out did nothing
        assertThat(browser.open("/console").heading()).isEqualTo("Welcome, service-agent");
    }
}
