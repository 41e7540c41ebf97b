package io.omnireturns.console.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.console.ConsoleTestApplication;
import io.omnireturns.console.shell.FakeIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal in jwt mode, over HTTP: a customer signed in at the shop is handed over to {@code /portal/sign-in} with a
 * short-lived token of the retailer's identity provider (a WireMock stand-in, {@link FakeIdentityProvider}), read as
 * the API reads bearer tokens; they see their own orders and returns and nobody else's. A token that fails any check
 * signs nobody in and says so; guests still find their order by number and e-mail address.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "omnireturns.database.embedded.data-dir=",
                "omnireturns.security.mode=jwt",
                "omnireturns.security.jwt.audience=" + PortalJwtSignInTest.AUDIENCE})
class PortalJwtSignInTest {

    static final String AUDIENCE = "omnireturns";
    private static final FakeIdentityProvider IDENTITY_PROVIDER = new FakeIdentityProvider();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("omnireturns.security.jwt.issuer-uri", IDENTITY_PROVIDER::issuer);
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDENTITY_PROVIDER.close();
    }

    @Test
    void a_customer_handed_over_by_the_shop_sees_their_own_orders_and_returns_and_nobody_elses() {
        OrderSnapshot own = freshOrder(DemoOrders.webApparelOrder(clock.instant()));
        OrderSnapshot someoneElses = freshOrder(DemoOrders.webBundleAndDiscountOrder(clock.instant()));
        assertThat(someoneElses.customerId()).isNotEqualTo(own.customerId());
        String ownReturn = requestReturn(own);
        String someoneElsesReturn = requestReturn(someoneElses);

        Visitor alex = new Visitor(baseUrl());
        HttpResponse<String> signedIn = alex.get("/portal/sign-in?token=" + customerToken("alex", own.customerId()));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).isEqualTo(baseUrl() + "/portal");
        assertThat(signedIn.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        HttpResponse<String> home = alex.get("/portal");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Signed in as alex").contains("Your orders")
                .contains("data-order-id=\"" + own.orderId() + "\"").contains(ownReturn)
                .doesNotContain(someoneElses.orderId()).doesNotContain(someoneElsesReturn);
        assertThat(alex.get("/portal/orders/" + own.orderId()).statusCode()).isEqualTo(200);
        assertThat(alex.get("/portal/returns/" + ownReturn).statusCode()).isEqualTo(200);

        HttpResponse<String> otherReturn = alex.get("/portal/returns/" + someoneElsesReturn);
        assertThat(otherReturn.statusCode()).isEqualTo(404);
        assertThat(otherReturn.body()).doesNotContain(someoneElses.orderId());
        assertThat(alex.get("/portal/orders/" + someoneElses.orderId()).statusCode()).isEqualTo(404);
        assertThat(alex.get("/portal/returns/" + someoneElsesReturn + "/label.pdf").statusCode())
                .isNotEqualTo(200);
    }

    @Test
    void the_shop_may_post_the_token_from_a_form_of_its_own_site_without_the_portals_csrf_token() {
        Visitor visitor = new Visitor(baseUrl());
        HttpResponse<String> signedIn = visitor.post("/portal/sign-in",
                Map.of("token", customerToken("sam", "CUST-200")));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).isEqualTo(baseUrl() + "/portal");
        assertThat(visitor.get("/portal").body()).contains("Signed in as sam")
                .contains("data-order-id=\"" + DemoOrders.WEB_BUNDLE_AND_DISCOUNT_ORDER_ID + "\"")
                .doesNotContain("data-order-id=\"" + DemoOrders.WEB_APPAREL_ORDER_ID + "\"");
    }

    /** Ways a sign-in token can fail; each is otherwise a good customer token. */
    enum BadToken {
        EXPIRED, SIGNED_WITH_ANOTHER_KEY, FROM_ANOTHER_ISSUER, FOR_ANOTHER_AUDIENCE, ISSUED_TOO_LONG_AGO,
        WITHOUT_ISSUE_TIME, WITHOUT_CUSTOMER, OF_STAFF, OF_A_STORE, GARBLED
    }

    @ParameterizedTest
    @EnumSource(BadToken.class)
    void a_token_that_fails_a_check_signs_nobody_in_and_the_page_says_so(BadToken bad) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = customerClaims("mallory", "CUST-100");
        String token = switch (bad) {
            case EXPIRED -> IDENTITY_PROVIDER.signed(claims.issueTime(Date.from(now.minusSeconds(200)))
                    .expirationTime(Date.from(now.minusSeconds(100))));
            case SIGNED_WITH_ANOTHER_KEY -> IDENTITY_PROVIDER.forged(claims);
            case FROM_ANOTHER_ISSUER -> IDENTITY_PROVIDER.signed(claims.issuer("https://elsewhere.example"));
            case FOR_ANOTHER_AUDIENCE -> IDENTITY_PROVIDER.signed(claims.audience("another-application"));
            case ISSUED_TOO_LONG_AGO -> IDENTITY_PROVIDER.signed(claims.issueTime(Date.from(now.minusSeconds(900)))
                    .expirationTime(Date.from(now.plusSeconds(3600))));
            case WITHOUT_ISSUE_TIME -> IDENTITY_PROVIDER.signed(claims.issueTime(null));
            case WITHOUT_CUSTOMER -> IDENTITY_PROVIDER.signed(claims.claim("customer_id", null));
            case OF_STAFF -> IDENTITY_PROVIDER.signed(claims.claim("roles", List.of("admin")));
            case OF_A_STORE -> IDENTITY_PROVIDER.signed(claims.claim("roles", List.of("channel", "store-associate"))
                    .claim("stores", List.of("STORE-001")));
            case GARBLED -> "not-a-token";
        };
        Visitor visitor = new Visitor(baseUrl());

        HttpResponse<String> refused = visitor.get("/portal/sign-in?token=" + URLEncoder.encode(token,
                StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("We could not sign you in: the sign-in link is not valid or has expired.")
                .doesNotContain("Signed in as");
        HttpResponse<String> orders = visitor.get("/portal/orders/" + DemoOrders.WEB_APPAREL_ORDER_ID);
        assertThat(orders.statusCode()).isEqualTo(302);
        assertThat(location(orders)).isEqualTo(baseUrl() + "/portal?signed-out");
        assertThat(visitor.get("/portal").body()).contains("Find your order").doesNotContain("Your orders");
    }

    @Test
    void the_sign_in_page_sends_the_customer_to_the_shop_and_offers_no_password_form() {
        HttpResponse<String> page = new Visitor(baseUrl()).get("/portal/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You sign in with your shop account.").doesNotContain("id=\"password\"");
    }

    @Test
    void a_guest_still_finds_their_order_by_its_number_and_email_address() {
        Visitor guest = new Visitor(baseUrl());
        String csrf = csrfToken(guest.get("/portal").body());
        HttpResponse<String> found = guest.post("/portal/find", Map.of("_csrf", csrf,
                "orderNumber", DemoOrders.WEB_APPAREL_ORDER_ID, "contact", "alex.morgan@example.com"));
        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(location(found)).isEqualTo(baseUrl() + "/portal/orders/" + DemoOrders.WEB_APPAREL_ORDER_ID);
        assertThat(guest.get("/portal/orders/" + DemoOrders.WEB_APPAREL_ORDER_ID).statusCode()).isEqualTo(200);
    }

    private static JWTClaimsSet.Builder customerClaims(String name, String customerId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(IDENTITY_PROVIDER.issuer()).audience(AUDIENCE).subject(name)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(120)))
                .claim("roles", List.of("channel")).claim("customer_id", customerId);
    }

    private static String customerToken(String name, String customerId) {
        return IDENTITY_PROVIDER.signed(customerClaims(name, customerId));
    }

    /** A bearer token for the API, as the web shop or an administrator would have. */
    private static String apiToken(String name, String role) {
        Instant now = Instant.now();
        return IDENTITY_PROVIDER.signed(new JWTClaimsSet.Builder().issuer(IDENTITY_PROVIDER.issuer()).audience(AUDIENCE)
                .subject(name).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("roles", List.of(role)));
    }

    private OrderSnapshot freshOrder(OrderSnapshot demo) {
        OrderSnapshot order = DemoOrders.copyUnder(demo, demo.orderId() + "-" + UUID.randomUUID().toString()
                .substring(0, 8));
        orders.register(order);
        return order;
    }

    /** The web shop requests a return of the order's first line through the API, with its bearer token. */
    private String requestReturn(OrderSnapshot order) {
        String body = """
                {"orderId": "%s", "channel": "WEB",
                 "lines": [{"orderLineId": "%s-L1", "quantity": 1, "reason": "SIZE_OR_FIT"}]}"""
                .formatted(order.orderId(), order.orderId());
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/returns"))
                .header("Authorization", "Bearer " + apiToken("web-shop", "channel"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String returnId = readJson(created.body()).path("returnId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/v1/returns/" + returnId))
                .header("Authorization", "Bearer " + apiToken("admin", "admin")).GET().build()).statusCode() == 200);
        return returnId;
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(to -> response.request().uri().resolve(to).toString())
                .orElse(null);
    }

    private static String csrfToken(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the page carries its CSRF token").isTrue();
        return token.group(1);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return Visitor.send(HttpClient.newHttpClient(), request);
    }

    /** A browser's HTTP: keeps the service's cookies, follows no redirect. */
    private static final class Visitor {

        private final String baseUrl;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Visitor(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        HttpResponse<String> get(String path) {
            return send(http, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            List<String> pairs = new ArrayList<>();
            fields.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(http, HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build());
        }

        static HttpResponse<String> send(HttpClient http, HttpRequest request) {
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
}
