package io.omnireturns.console.portal;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.tax.SandboxTaxService;
import io.omnireturns.console.ConsoleTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's options for an exchange at a different price, whose amounts need the tax service: shown with its
 * figures (the jacket of a copy of the demo web order for the pro model, 42.00 to pay, taxed where it was sold), and
 * when the tax service cannot answer no amount at all, but a sentence asking to try again.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "omnireturns.database.embedded.data-dir=")
class PortalQuoteTaxTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    SandboxTaxService taxService;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void taxServiceWorksAgain() {
        taxService.behaviour().setFailureRate(0);
    }

    @Test
    void an_exchange_the_tax_service_cannot_price_shows_no_amount_and_asks_to_try_again() {
        OrderSnapshot demo = orders.findOrder(DemoOrders.WEB_APPAREL_ORDER_ID).orElseThrow();
        OrderSnapshot order = DemoOrders.copyUnder(demo, "T-" + UUID.randomUUID().toString().substring(0, 8));
        orders.register(order);
        HttpResponse<String> found = post("/portal/find", Map.of("_csrf", csrf("/portal"),
                "orderNumber", order.orderId(), "contact", PortalShopping.ALEX_EMAIL));
        assertThat(found.statusCode()).isEqualTo(302);
        String orderPage = "/portal/orders/" + order.orderId();
        Map<String, String> jacketForThePro = new LinkedHashMap<>();
        jacketForThePro.put("lines[0].orderLineId", order.orderId() + "-L1");
        jacketForThePro.put("lines[0].quantity", "1");
        jacketForThePro.put("lines[0].reason", "SIZE_OR_FIT");
        jacketForThePro.put("lines[0].replacementSku", "JKT-RAIN-PRO-NVY-M");

        taxService.behaviour().setFailureRate(1.0);
        jacketForThePro.put("_csrf", csrf(orderPage));
        HttpResponse<String> refused = post(orderPage + "/options", jacketForThePro);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("We cannot work out the exact amounts for these items right now.")
                .contains("Your choices are kept, but:").doesNotContain("Please check your choices")
                .doesNotContain("SANDBOX_UNAVAILABLE").doesNotContain("42.00");

        taxService.behaviour().setFailureRate(0);
        jacketForThePro.put("_csrf", csrf(orderPage));
        HttpResponse<String> options = post(orderPage + "/options", jacketForThePro);

        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.body()).contains("42.00");
    }

    private String csrf(String path) {
        Matcher token = CSRF.matcher(send(HttpRequest.newBuilder(uri(path)).GET().build()).body());
        assertThat(token.find()).as("the page carries its CSRF token").isTrue();
        return token.group(1);
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
