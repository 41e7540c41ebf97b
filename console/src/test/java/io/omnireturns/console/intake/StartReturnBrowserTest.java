package io.omnireturns.console.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import io.omnireturns.console.browser.SignedInAs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleBrowserTest
class StartReturnBrowserTest {

    private static final By LOOKUP_FIELD = By.id("lookup-order-id");
    private static final By RETURN_FORM = By.id("start-return-form");

    @Autowired
    private TestRestTemplate rest;

    @Test
    void a_service_agent_looks_an_order_up_and_starts_a_contact_centre_return_once_even_when_sent_again(
            @SignedInAs("service-agent") ConsoleBrowser browser, DemoReturns returns) {
        OrderSnapshot order = returns.freshOrder(DemoOrders::webApparelOrder);
        browser.open("/console/returns");
        browser.find(By.id("start-return-link")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(LOOKUP_FIELD));
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("lookup-order-id");

        browser.type(LOOKUP_FIELD, order.orderId());
        browser.find(By.cssSelector("#order-lookup button")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(RETURN_FORM));
        assertThat(browser.text(By.id("order-facts"))).contains("CUST-100", "EUR");
        assertThat(browser.findAll(By.cssSelector("#start-lines tbody tr"))).hasSize(3);
        String formPage = browser.path();
        assertThat(formPage).contains("key=console-");

        String returnId = requestOneJacket(browser);

        assertThat(browser.heading()).isEqualTo("Return " + returnId);
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("Return requested: AUTHORIZED.");
        assertThat(browser.text(By.id("return-header"))).contains("CONTACT_CENTRE", order.orderId(), "CUST-100");
        assertThat(browser.text(By.id("return-lines"))).contains(order.orderId() + "-L1", "DEFECTIVE");
        // recorded as the API records a service agent's request, through the console
        JsonNode requested = StreamSupport.stream(history(returnId).path("events").spliterator(), false)
                .filter(event -> event.path("eventType").asText().equals("ReturnRequested")).findFirst().orElseThrow();
        assertThat(requested.path("actor").asText()).isEqualTo("service-agent");
        assertThat(requested.path("sourceSystem").asText()).isEqualTo("console");

        // back to the form (its key kept in the address) and the same choices sent again: the same return, not two
        browser.driver().navigate().back();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(RETURN_FORM));
        assertThat(browser.path()).isEqualTo(formPage);
        assertThat(requestOneJacket(browser)).isEqualTo(returnId);
    }

    @Test
    void an_unknown_order_is_said_so_and_a_refused_request_keeps_what_was_typed_until_corrected(
            @SignedInAs("service-agent") ConsoleBrowser browser, DemoReturns returns) {
        browser.open("/console/returns/new?orderId=ORD-NOT-SOLD-42");
        assertThat(browser.text(By.id("lookup-problem"))).contains("No order ORD-NOT-SOLD-42");
        assertThat(browser.findAll(RETURN_FORM)).isEmpty();

        // an exchange names its replacement: the return refuses one without, and nothing is created
        OrderSnapshot order = returns.freshOrder(DemoOrders::webApparelOrder);
        browser.type(LOOKUP_FIELD, order.orderId());
        browser.find(By.cssSelector("#order-lookup button")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(RETURN_FORM));
        browser.type(By.id("lines1.quantity"), "1");
        new Select(browser.find(By.id("lines1.reason"))).selectByValue("SIZE_OR_FIT");
        new Select(browser.find(By.id("refundMethod"))).selectByValue("EXCHANGE");
        browser.find(By.cssSelector("#start-return-form button[type=submit]")).click();

        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("start-problems")));
        assertThat(browser.text(By.id("start-problems"))).contains("Nothing was requested", "REPLACEMENT_SKU_REQUIRED");
        assertThat(browser.find(By.id("lines1.quantity")).getAttribute("value")).isEqualTo("1");
        assertThat(new Select(browser.find(By.id("refundMethod"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("EXCHANGE");
        assertThat(browser.get("/console/returns?orderId=" + order.orderId()).body()).contains("0 returns");

        // corrected, the same form (and key) is taken
        browser.type(By.id("lines1.replacementSku"), "JNS-SLIM-IND-34");
        browser.find(By.cssSelector("#start-return-form button[type=submit]")).click();
        onTheReturnPage(browser);
        assertThat(browser.text(By.id("return-header"))).contains("EXCHANGE", "CONTACT_CENTRE");
    }

    @Test
    void a_final_sale_line_is_marked_and_its_rejection_is_named_with_its_reason_code(
            @SignedInAs("service-agent") ConsoleBrowser browser, DemoReturns returns) {
        OrderSnapshot order = returns.freshOrder(DemoOrders::webOrderWithFinalSaleItem);
        browser.open("/console/returns/new?orderId=" + order.orderId());
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(RETURN_FORM));
        assertThat(browser.text(By.cssSelector("#start-lines tbody tr:first-child"))).contains("Final sale");

        for (int line = 0; line < 2; line++) {
            browser.type(By.id("lines" + line + ".quantity"), "1");
            new Select(browser.find(By.id("lines" + line + ".reason"))).selectByValue("CHANGED_MIND");
        }
        browser.find(By.cssSelector("#start-return-form button[type=submit]")).click();

        onTheReturnPage(browser);
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("Return requested: AUTHORIZED. "
                + order.orderId() + "-L1 rejected (FINAL_SALE).");
    }

    @Test
    void a_warehouse_user_is_not_offered_the_screen_and_is_refused_its_page_and_its_post(
            @SignedInAs("warehouse") ConsoleBrowser browser) {
        browser.open("/console/returns");
        assertThat(browser.findAll(By.id("start-return-link"))).isEmpty();

        assertThat(browser.get("/console/returns/new?orderId=ORD-1001").status()).isEqualTo(403);
        assertThat(browser.postWithCsrf("/console/returns/new").status()).isEqualTo(403);
    }

    /** One rain jacket of line 1, defective, sent from the form shown: the id of the return page it leads to. */
    private static String requestOneJacket(ConsoleBrowser browser) {
        browser.type(By.id("lines0.quantity"), "1");
        new Select(browser.find(By.id("lines0.reason"))).selectByValue("DEFECTIVE");
        browser.find(By.cssSelector("#start-return-form button[type=submit]")).click();
        onTheReturnPage(browser);
        return browser.path().substring("/console/returns/".length());
    }

    /** Waits for the return's page, which the request opens once the status view shows the new return. */
    private static void onTheReturnPage(ConsoleBrowser browser) {
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("return-status")));
    }

    private JsonNode history(String returnId) {
        HttpHeaders auditor = new HttpHeaders();
        auditor.setBasicAuth("auditor", "demo");
        return rest.exchange("/api/v1/returns/" + returnId + "/history", HttpMethod.GET, new HttpEntity<>(auditor),
                JsonNode.class).getBody();
    }
}
