package io.omnireturns.console.shell;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.omnireturns.console.ConsoleTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's OpenID Connect sign-in in jwt mode, end to end over HTTP: the service on a random port, a WireMock
 * identity provider ({@link FakeIdentityProvider}), and a client that keeps cookies but follows no redirect, playing
 * the browser and the person signing in at the provider. The ID token's claims decide the person's console exactly
 * as an access token's decide their API calls (the same {@code omnireturns.security.jwt.*-claim} settings), and an
 * ID token that is forged, meant for another client or for another sign-in signs nobody in.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "omnireturns.database.embedded.data-dir=",
                "omnireturns.security.mode=jwt",
                "omnireturns.security.jwt.audience=omnireturns",
                "omnireturns.security.jwt.roles-claim=realm_access.roles",
                "omnireturns.security.jwt.name-claim=preferred_username",
                "spring.security.oauth2.client.registration.omnireturns.client-id=" + FakeIdentityProvider.CLIENT_ID,
                "spring.security.oauth2.client.registration.omnireturns.client-secret=" + FakeIdentityProvider.CLIENT_SECRET,
                "spring.security.oauth2.client.registration.omnireturns.scope=openid"})
class OidcSignInTest {

    private static final FakeIdentityProvider IDENTITY_PROVIDER = new FakeIdentityProvider();
    private static final Pattern LINK = Pattern.compile("<a [^>]*href=\"([^\"]*)\"[^>]*>([^<]*)</a>");
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        // the console's sign-in and the API's bearer tokens trust the same issuer
        registry.add("spring.security.oauth2.client.provider.omnireturns.issuer-uri", IDENTITY_PROVIDER::issuer);
        registry.add("omnireturns.security.jwt.issuer-uri", IDENTITY_PROVIDER::issuer);
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDENTITY_PROVIDER.close();
    }

    @Test
    void a_person_signs_in_at_the_identity_provider_and_gets_the_console_of_the_roles_in_their_id_token() {
        Visitor visitor = new Visitor(baseUrl());
        HttpResponse<String> notSignedIn = visitor.get("/console");
        assertThat(notSignedIn.statusCode()).isEqualTo(302);
        assertThat(location(notSignedIn)).isEqualTo(baseUrl() + "/console/login");
        HttpResponse<String> signInPage = visitor.get("/console/login");
        assertThat(links(signInPage.body())).containsKey("/console/oauth2/authorization/omnireturns");

        Map<String, String> authorization = visitor.startSignIn();
        assertThat(authorization).containsEntry("client_id", FakeIdentityProvider.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("redirect_uri", baseUrl() + "/console/login/oauth2/code/omnireturns");
        assertThat(authorization.get("scope").split(" ")).contains("openid");
        IDENTITY_PROVIDER.answers("code-fiona", IDENTITY_PROVIDER.signed(
                IDENTITY_PROVIDER.claims(authorization.get("nonce"), "fiona", List.of("finance", "offline_access"))));
        HttpResponse<String> back = visitor.returnFromProvider("code-fiona", authorization);

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back)).as("back to the page first asked for").isEqualTo(baseUrl() + "/console");
        LoggedRequest tokenRequest = IDENTITY_PROVIDER.tokenRequests("code-fiona").get(0);
        assertThat(tokenRequest.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (FakeIdentityProvider.CLIENT_ID + ":" + FakeIdentityProvider.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(form(tokenRequest.getBodyAsString())).containsEntry("grant_type", "authorization_code")
                .containsEntry("redirect_uri", authorization.get("redirect_uri"));

        HttpResponse<String> home = visitor.get("/console");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome, fiona").contains("Signed in as <span>Finance</span>");
        assertThat(links(navigation(home.body())).values()).containsExactly("Home", "Returns", "Finance", "KPIs");
        assertThat(visitor.get("/console/finance/periods").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/console/warehouse").statusCode()).isEqualTo(403);
        HttpResponse<String> receipt = visitor.post("/console/warehouse/receipts",
                Map.of("_csrf", csrfToken(home.body()), "returnId", "RET-1"));
        assertThat(receipt.statusCode()).isEqualTo(403);
        assertThat(receipt.body()).as("refused for the role, not for a missing CSRF token")
                .contains("Your role may not open this page or do this action.");
    }

    /** Ways an ID token can fail the client's checks; each is otherwise a good token for the sign-in under way. */
    enum BadIdToken { SIGNED_WITH_ANOTHER_KEY, FOR_ANOTHER_CLIENT, FOR_ANOTHER_SIGN_IN, FROM_ANOTHER_ISSUER, EXPIRED }

    @ParameterizedTest
    @EnumSource(BadIdToken.class)
    void an_id_token_that_fails_the_checks_is_refused_and_signs_nobody_in(BadIdToken bad) {
        Visitor visitor = new Visitor(baseUrl());
        visitor.get("/console");
        Map<String, String> authorization = visitor.startSignIn();
        var claims = IDENTITY_PROVIDER.claims(authorization.get("nonce"), "mallory", List.of("admin"));
        String idToken = switch (bad) {
            case SIGNED_WITH_ANOTHER_KEY -> IDENTITY_PROVIDER.forged(claims);
            case FOR_ANOTHER_CLIENT -> IDENTITY_PROVIDER.signed(claims.audience("another-application"));
            case FOR_ANOTHER_SIGN_IN -> IDENTITY_PROVIDER.signed(claims.claim("nonce", "a-nonce-of-another-sign-in"));
            case FROM_ANOTHER_ISSUER -> IDENTITY_PROVIDER.signed(claims.issuer("https://elsewhere.example"));
            case EXPIRED -> IDENTITY_PROVIDER.signed(claims
                    .issueTime(Date.from(Instant.now().minusSeconds(900)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(600))));
        };
        String code = "code-" + bad.name().toLowerCase(Locale.ROOT);
        IDENTITY_PROVIDER.answers(code, idToken);

        HttpResponse<String> back = visitor.returnFromProvider(code, authorization);

        assertThat(IDENTITY_PROVIDER.tokenRequests(code)).as("the code was exchanged: the ID token itself was refused")
                .hasSize(1);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back)).isEqualTo(baseUrl() + "/console/login?failed");
        assertThat(visitor.get("/console/login?failed").body()).contains("Sign-in failed");
        HttpResponse<String> console = visitor.get("/console");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(location(console)).isEqualTo(baseUrl() + "/console/login");
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where a redirect leads, as an absolute address (a relative one resolved against the request's). */
    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(to -> response.request().uri().resolve(to).toString())
                .orElse(null);
    }

    private static String navigation(String page) {
        int start = page.indexOf("<nav aria-label=\"Main\">");
        assertThat(start).as("the page has the main navigation").isNotNegative();
        return page.substring(start, page.indexOf("</nav>", start));
    }

    /** The page's links: address to text. */
    private static Map<String, String> links(String html) {
        Map<String, String> links = new LinkedHashMap<>();
        Matcher link = LINK.matcher(html);
        while (link.find()) {
            links.put(link.group(1), link.group(2).strip());
        }
        return links;
    }

    private static String csrfToken(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the page carries its CSRF token").isTrue();
        return token.group(1);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** A browser's HTTP: keeps the service's cookies, follows no redirect (the test follows them, reading each). */
    private static final class Visitor {

        private final String baseUrl;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Visitor(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        HttpResponse<String> get(String pathOrUrl) {
            return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            List<String> pairs = new ArrayList<>();
            fields.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build());
        }

        /** Follows the sign-in page's link to the provider; answers the authorization request's parameters. */
        Map<String, String> startSignIn() {
            HttpResponse<String> toProvider = get("/console/oauth2/authorization/omnireturns");
            assertThat(toProvider.statusCode()).isEqualTo(302);
            URI authorize = URI.create(location(toProvider));
            assertThat(authorize.getScheme() + "://" + authorize.getAuthority() + authorize.getPath())
                    .isEqualTo(IDENTITY_PROVIDER.issuer() + "/authorize");
            Map<String, String> parameters = form(authorize.getRawQuery());
            assertThat(parameters).containsKeys("state", "nonce", "redirect_uri");
            return parameters;
        }

        /** The person signed in at the provider, which sends the browser back to the redirect URI with a code. */
        HttpResponse<String> returnFromProvider(String code, Map<String, String> authorization) {
            return get(authorization.get("redirect_uri") + "?code=" + code + "&state="
                    + URLEncoder.encode(authorization.get("state"), StandardCharsets.UTF_8));
        }

        private URI uri(String pathOrUrl) {
            return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
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
}
