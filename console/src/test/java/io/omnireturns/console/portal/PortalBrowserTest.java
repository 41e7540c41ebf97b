package io.omnireturns.console.portal;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoCatalogue;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import io.omnireturns.console.browser.SignedInAs;
import io.omnireturns.console.portal.photos.ReturnPhotos;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static io.omnireturns.console.portal.PortalShopping.ALEX_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

/** The shopper portal in headless Chromium: a guest's return from look-up to COMPLETED, and what a shopper may see. */
@ConsoleBrowserTest
class PortalBrowserTest {

    @Autowired
    ReturnPhotos photos;

    @Test
    void a_guest_finds_their_order_returns_a_jacket_gets_the_label_and_follows_it_to_completed(
            ConsoleBrowser browser, DemoReturns returns) {
        OrderSnapshot order = returns.freshOrder(DemoOrders::webApparelOrder);

        PortalShopping.guestLooksUp(browser, order.orderId(), "  ALEX.Morgan@example.com ");
        assertThat(browser.path()).isEqualTo("/portal/orders/" + order.orderId());
        assertThat(browser.findAll(By.cssSelector("li.item"))).hasSize(3);
        assertThat(browser.findAll(By.cssSelector("#lines0\\.reason option")))
                .extracting(WebElement::getText).contains("It does not fit", "It arrived damaged");

        PortalShopping.chooses(browser, 0, 1, "SIZE_OR_FIT");
        PortalShopping.seesOptions(browser);
        assertThat(browser.text(By.id("chosen-items"))).contains("1 × Rain jacket, navy, M", "It does not fit");
        assertThat(browser.findAll(By.cssSelector("fieldset.options label.option")))
                .extracting(option -> option.getAttribute("data-method"))
                .containsExactly("ORIGINAL_TENDER", "STORE_CREDIT", "EXCHANGE");
        // the exact amounts of the quote: a jacket paid 89.95 + 17.99 tax; store credit with the 10% bonus
        assertThat(browser.text(By.cssSelector("[data-method=ORIGINAL_TENDER]"))).contains("You get €107.94");
        assertThat(browser.text(By.cssSelector("[data-method=STORE_CREDIT]")))
                .contains("You get €118.73 including a €10.79 bonus");
        // no replacement item named: no exchange
        assertThat(browser.find(By.cssSelector("[data-method=EXCHANGE] input")).isEnabled()).isFalse();

        PortalShopping.picks(browser, "ORIGINAL_TENDER");
        String sentAgain = PortalShopping.sendReturnFormBody(browser);
        String returnId = PortalShopping.sends(browser);
        assertThat(browser.text(By.id("return-items"))).contains("1 × Rain jacket, navy, M");

        // the same page sent again (a double click, a reload) gives the same return, not a second one
        assertThat(PortalShopping.postFormFollowing(browser, "/portal/orders/" + order.orderId() + "/returns",
                sentAgain)).isEqualTo("/portal/returns/" + returnId);

        // the label, once the carrier issued it: a PDF and a QR code, for this shopper
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("label-pdf")));
        ConsoleBrowser.Answer pdf = browser.get("/portal/returns/" + returnId + "/label.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(browser.get("/portal/returns/" + returnId + "/label-qr.png").status()).isEqualTo(200);
        assertThat(browser.find(By.id("label-qr")).getAttribute("naturalWidth")).isNotEqualTo("0");

        // the warehouse receives and inspects it: the page follows by itself, in the shopper's words
        returns.receiveAndInspect(new DemoReturns.Requested(returnId, order.orderId(), order.customerId()));
        browser.waitUntil(Duration.ofSeconds(60), ExpectedConditions.textToBe(
                By.id("status-sentence"), "All done: your return is complete."));
        assertThat(browser.find(By.cssSelector(".status-card")).getAttribute("data-status")).isEqualTo("COMPLETED");
    }

    @Test
    void an_exchange_for_a_dearer_jacket_shows_the_difference_to_pay_and_is_followed_to_completed(
            ConsoleBrowser browser, DemoReturns returns) {
        OrderSnapshot order = returns.freshOrder(DemoOrders::webApparelOrder);
        PortalShopping.guestLooksUp(browser, order.orderId(), ALEX_EMAIL);

        PortalShopping.chooses(browser, 0, 1, "SIZE_OR_FIT");
        browser.type(By.id("lines0.replacementSku"), DemoCatalogue.DEARER_JACKET_SKU);
        PortalShopping.seesOptions(browser);

        assertThat(browser.find(By.cssSelector("[data-method=EXCHANGE] input")).isEnabled()).isTrue();
        // the pro jacket costs 149.94, the jacket sent back was paid 107.94 (no exchange bonus by default)
        assertThat(browser.text(By.cssSelector("[data-method=EXCHANGE]")))
                .contains("You pay €42.00 more for the new item").doesNotContain("You get");
        String returnId = PortalShopping.sendsReturn(browser, "EXCHANGE");
        assertThat(browser.text(By.id("return-items"))).contains("Exchange");

        returns.receiveAndInspect(new DemoReturns.Requested(returnId, order.orderId(), order.customerId()));
        browser.waitUntil(Duration.ofSeconds(60), ExpectedConditions.textToBe(
                By.id("status-sentence"), "All done: your return is complete."));
    }

    @Test
    void a_wrong_email_and_an_unknown_order_get_the_same_answer(ConsoleBrowser browser, DemoReturns returns) {
        OrderSnapshot order = returns.freshOrder(DemoOrders::webApparelOrder);

        PortalShopping.guestLooksUp(browser, order.orderId(), "someone.else@example.com");
        String wrongEmail = browser.text(By.id("find-problem"));
        PortalShopping.guestLooksUp(browser, "ORD-NO-SUCH-ORDER", ALEX_EMAIL);
        String unknownOrder = browser.text(By.id("find-problem"));

        assertThat(wrongEmail).isEqualTo(unknownOrder).startsWith("We could not find an order");
        assertThat(browser.get("/portal/orders/" + order.orderId()).body()).doesNotContain("Rain jacket");
    }

    @Test
    void a_guest_finds_an_order_by_its_postcode_and_sees_that_order_only(ConsoleBrowser browser, DemoReturns returns) {
        OrderSnapshot order = returns.freshOrder(DemoOrders::webApparelOrder);

        PortalShopping.guestLooksUp(browser, order.orderId(), "10115");

        assertThat(browser.path()).isEqualTo("/portal/orders/" + order.orderId());
        // the same customer's other order is not the guest's to see
        browser.open("/portal/orders/" + DemoOrders.OLD_WEB_ORDER_ID);
        assertThat(browser.heading()).isEqualTo("We could not find that");
    }

    @Test
    void a_final_sale_item_says_why_it_cannot_come_back_for_a_change_of_mind(ConsoleBrowser browser,
                                                                           DemoReturns returns) {
        OrderSnapshot order = returns.freshOrder(DemoOrders::webOrderWithFinalSaleItem);
        PortalShopping.guestLooksUp(browser, order.orderId(), "kim.jansen@example.com");

        assertThat(browser.text(By.cssSelector("li.item[data-line='" + order.orderId() + "-L1'] .note")))
                .contains("final-sale item");
        PortalShopping.chooses(browser, 0, 1, "CHANGED_MIND");
        PortalShopping.seesOptions(browser);

        assertThat(browser.text(By.id("problems"))).contains("final-sale item");
    }

    @Test
    void a_signed_in_customer_sees_their_orders_and_nobody_elses(ConsoleBrowser browser, DemoReturns returns) {
        DemoReturns.Requested someoneElses = returns.storeReturn(); // CUST-500's
        DemoReturns.Requested own = returns.webReturn(); // CUST-100's

        PortalShopping.signsIn(browser, "customer-100");

        List<String> orders = browser.findAll(By.cssSelector("#orders [data-order-id]")).stream()
                .map(order -> order.getAttribute("data-order-id")).toList();
        assertThat(orders).contains(DemoOrders.WEB_APPAREL_ORDER_ID, DemoOrders.OLD_WEB_ORDER_ID, own.orderId())
                .noneMatch(id -> id.startsWith(DemoOrders.STORE_ORDER_ID) || id.startsWith("ORD-1002"));
        assertThat(browser.text(By.id("returns"))).contains(own.returnId()).doesNotContain(someoneElses.returnId());

        String other = "/portal/returns/" + someoneElses.returnId();
        assertThat(browser.get("/portal/orders/" + someoneElses.orderId()).status()).isEqualTo(404);
        assertThat(browser.get(other).status()).isEqualTo(404);
        assertThat(browser.get(other + "/status").status()).isEqualTo(404);
        assertThat(browser.get(other + "/label.pdf").status()).isEqualTo(404);
        assertThat(browser.get(other + "/label-qr.png").status()).isEqualTo(404);
        assertThat(browser.get(other + "/photos/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(browser.get("/portal/returns/" + own.returnId()).status()).isEqualTo(200);
    }

    @Test
    void staff_signed_in_to_the_console_are_not_shoppers(@SignedInAs("service-agent") ConsoleBrowser agent,
                                                        DemoReturns returns) {
        DemoReturns.Requested requested = returns.webReturn();

        agent.open("/portal/returns/" + requested.returnId());

        assertThat(agent.path()).startsWith("/portal?signed-out");
    }

    @Test
    void a_form_sent_without_its_csrf_token_is_refused(ConsoleBrowser browser, DemoReturns returns) {
        OrderSnapshot order = returns.freshOrder(DemoOrders::webApparelOrder);
        PortalShopping.guestLooksUp(browser, order.orderId(), ALEX_EMAIL);

        assertThat(browser.postWithoutCsrf("/portal/orders/" + order.orderId() + "/options").status()).isEqualTo(403);
    }
}
