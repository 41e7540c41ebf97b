package io.omnireturns.console.portal;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoCatalogue;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Path;

import static io.omnireturns.console.portal.PortalShopping.ALEX_EMAIL;

/**
 * Refreshes the README's portal screenshots in {@code docs/portal/}; run on purpose only, as it writes into the source
 * tree: {@code mvn -B -q -pl console -am -Dtest=PortalScreenshots -Dsurefire.failIfNoSpecifiedTests=false
 * -Dportal.screenshots=../docs/portal test}.
 */
@ConsoleBrowserTest
@EnabledIfSystemProperty(named = "portal.screenshots", matches = ".+",
        disabledReason = "writes docs/portal/*.png: run on purpose with -Dportal.screenshots=../docs/portal")
class PortalScreenshots {

    @Test
    void a_guests_return_page_by_page(ConsoleBrowser browser, DemoReturns returns) throws Exception {
        Path docs = Path.of(System.getProperty("portal.screenshots"));
        OrderSnapshot order = returns.freshOrder(DemoOrders::webApparelOrder);
        browser.driver().manage().window().setSize(new Dimension(1100, 900));
        browser.open("/portal");
        browser.type(By.id("orderNumber"), DemoOrders.WEB_APPAREL_ORDER_ID).type(By.id("contact"), ALEX_EMAIL);
        blur(browser);
        browser.screenshot(docs.resolve("find-order.png"));

        PortalShopping.guestLooksUp(browser, order.orderId(), ALEX_EMAIL);
        PortalShopping.chooses(browser, 0, 1, "SIZE_OR_FIT");
        browser.type(By.id("lines0.replacementSku"), DemoCatalogue.DEARER_JACKET_SKU);
        blur(browser);
        browser.driver().manage().window().setSize(new Dimension(1100, 1350));
        browser.screenshot(docs.resolve("choose-items.png"));

        PortalShopping.seesOptions(browser);
        PortalShopping.picks(browser, "STORE_CREDIT");
        browser.driver().manage().window().setSize(new Dimension(1100, 900));
        browser.screenshot(docs.resolve("options.png"));

        PortalShopping.sends(browser);
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("label-pdf")));
        browser.waitUntil(driver -> !"0".equals(browser.find(By.id("label-qr")).getAttribute("naturalWidth")));
        browser.driver().manage().window().setSize(new Dimension(1100, 1250));
        browser.screenshot(docs.resolve("tracking.png"));

        // a phone
        browser.driver().manage().window().setSize(new Dimension(412, 1400));
        browser.screenshot(docs.resolve("tracking-phone.png"));
    }

    @Test
    void a_signed_in_customers_orders(ConsoleBrowser browser, DemoReturns returns) throws Exception {
        Path docs = Path.of(System.getProperty("portal.screenshots"));
        returns.webReturn();
        browser.driver().manage().window().setSize(new Dimension(1100, 1300));
        PortalShopping.signsIn(browser, "customer-100");
        browser.screenshot(docs.resolve("your-orders.png"));
    }

    private static void blur(ConsoleBrowser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.activeElement.blur()");
    }
}
