package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.omnireturns.app.ApiClient.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Production mode: an OAuth2 resource server that trusts a configured issuer (a WireMock stand-in for the identity
 * provider, serving its discovery document and keys), reads roles from a nested claim, stores and the actor's name
 * from others, and refuses every token that is expired, for someone else, from another issuer or badly signed.
 */
@AppIntegrationTest
@TestPropertySource(properties = {
        "omnireturns.security.mode=jwt",
        "omnireturns.security.jwt.roles-claim=realm_access.roles",
        "omnireturns.security.jwt.name-claim=preferred_username",
        "omnireturns.security.jwt.audience=omnireturns"})
class JwtSecurityTest {

    private static final RSAKey KEY = rsaKey();
    private static final RSAKey OTHER_KEY = rsaKey();
    private static final WireMockServer IDENTITY_PROVIDER = identityProvider();
    private static final String ISSUER = IDENTITY_PROVIDER.baseUrl() + "/realms/retail";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SandboxOrderSystem orderSystem;
    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("omnireturns.security.jwt.issuer-uri", () -> ISSUER);
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDENTITY_PROVIDER.stop();
    }

    @Test
    void without_a_client_registration_the_console_says_how_to_configure_its_sign_in_and_the_api_runs_on() {
        ResponseEntity<String> signIn = rest.getForEntity("/console/login", String.class);

        assertThat(signIn.getStatusCode().value()).isEqualTo(200);
        assertThat(signIn.getBody()).contains("Console sign-in is not configured",
                "spring.security.oauth2.client.registration.omnireturns.client-id").doesNotContain("password");
        assertThat(rest.getForEntity("/api/v1/returns", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void roles_come_from_the_configured_claim_and_decide_what_a_token_may_call() {
        String warehouse = token(KEY, ISSUER, "omnireturns", "dc-east-scanner", List.of("warehouse", "offline_access"),
                List.of(), Instant.now().plusSeconds(300));

        assertThat(call(HttpMethod.GET, "/api/v1/returns", warehouse, null).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> refused = call(HttpMethod.GET, "/api/v1/kpis", warehouse, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void a_store_token_is_scoped_to_its_stores_and_its_user_is_the_recorded_actor() {
        OrderSnapshot order = TestOrders.copyOf(DemoOrders.webApparelOrder(clock.instant()));
        orderSystem.register(order);
        String anna = token(KEY, ISSUER, "omnireturns", "anna.store1", List.of("STORE-ASSOCIATE"), List.of("STORE-001"),
                Instant.now().plusSeconds(300));
        String bob = token(KEY, ISSUER, "omnireturns", "bob.store2", List.of("store_associate"), List.of("STORE-002"),
                Instant.now().plusSeconds(300));
        String auditor = token(KEY, ISSUER, "omnireturns", "audit-eve", List.of("ROLE_AUDITOR"), List.of(),
                Instant.now().plusSeconds(300));

        ResponseEntity<JsonNode> created = call(HttpMethod.POST, "/api/v1/returns", anna, Map.of("orderId",
                order.orderId(), "channel", "STORE", "lines", List.of(line(TestOrders.line(order, 1), 1, "SIZE_OR_FIT"))));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        String returnId = created.getBody().path("returnId").asText();
        await().atMost(Duration.ofSeconds(30)).until(
                () -> call(HttpMethod.GET, "/api/v1/returns/" + returnId, anna, null).getStatusCode().value() == 200);

        assertThat(call(HttpMethod.GET, "/api/v1/returns/" + returnId, anna, null).getBody().path("storeId").asText())
                .as("the store comes from the token when the associate names none").isEqualTo("STORE-001");
        assertThat(call(HttpMethod.GET, "/api/v1/returns/" + returnId, bob, null).getStatusCode().value()).isEqualTo(404);
        JsonNode history = call(HttpMethod.GET, "/api/v1/returns/" + returnId + "/history", auditor, null).getBody();
        assertThat(history.path("events").get(0).path("actor").asText()).isEqualTo("anna.store1");
    }

    @Test
    void a_scoped_caller_never_reaches_an_endpoint_that_spans_stores_whatever_other_role_it_holds() {
        String associateAndAuditor = token(KEY, ISSUER, "omnireturns", "carol", List.of("store_associate", "auditor"),
                List.of("STORE-001"), Instant.now().plusSeconds(300));
        String associateWithoutStores = token(KEY, ISSUER, "omnireturns", "dave", List.of("store_associate"),
                List.of(), Instant.now().plusSeconds(300));

        assertThat(call(HttpMethod.GET, "/api/v1/returns?storeId=STORE-001", associateAndAuditor, null)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/v1/audit/events?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
                associateAndAuditor, null).getStatusCode().value()).isEqualTo(403);
        // fail closed: an associate whose token names no store is no associate at all
        ResponseEntity<JsonNode> storeless = call(HttpMethod.GET, "/api/v1/returns", associateWithoutStores, null);
        assertThat(storeless.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void expired_unending_nameless_foreign_misaddressed_and_forged_tokens_and_demo_passwords_are_all_refused() {
        Instant later = Instant.now().plusSeconds(300);
        List<String> refused = List.of(
                token(KEY, ISSUER, "omnireturns", "late", List.of("admin"), List.of(), Instant.now().minusSeconds(600)),
                token(KEY, "https://elsewhere.example/realms/retail", "omnireturns", "x", List.of("admin"), List.of(), later),
                token(KEY, ISSUER, "another-service", "x", List.of("admin"), List.of(), later),
                token(OTHER_KEY, ISSUER, "omnireturns", "forger", List.of("admin"), List.of(), later),
                token(KEY, ISSUER, "omnireturns", "forever", List.of("admin"), List.of(), null),
                token(KEY, ISSUER, "omnireturns", null, List.of("admin"), List.of(), later),
                "not-a-jwt");

        for (String token : refused) {
            ResponseEntity<JsonNode> answer = call(HttpMethod.GET, "/api/v1/returns", token, null);
            assertThat(answer.getStatusCode().value()).as(token).isEqualTo(401);
            assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/v1/returns", String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        return rest.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static String token(RSAKey key, String issuer, String audience, String user, List<String> roles,
                                List<String> stores, Instant expiry) {
        try {
            // user null: a token naming nobody (no name claim, no subject); expiry null: one that never expires
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer).audience(audience)
                    .claim("realm_access", Map.of("roles", roles))
                    .claim("stores", stores)
                    .issueTime(Date.from(Instant.now().minusSeconds(900)));
            if (user != null) {
                claims.subject(UUID.randomUUID().toString()).claim("preferred_username", user);
            }
            if (expiry != null) {
                claims.expirationTime(Date.from(expiry));
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireMockServer identityProvider() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        String issuer = server.baseUrl() + "/realms/retail";
        server.stubFor(get("/realms/retail/.well-known/openid-configuration").willReturn(okJson("""
                {"issuer": "%s", "jwks_uri": "%s/keys", "subject_types_supported": ["public"]}"""
                .formatted(issuer, issuer))));
        // only the public half of the provider's key is published
        server.stubFor(get("/realms/retail/keys").willReturn(okJson(new JWKSet(KEY.toPublicJWK()).toString())));
        return server;
    }
}
