package io.omnireturns.console.shell;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stand-in OpenID Connect identity provider (WireMock, the third-party system an IdP is): its discovery document at
 * {@code /.well-known/openid-configuration} (the issuer is the server's base URL), the public half of an RSA key
 * made for the test at {@code /keys}, and a token endpoint that answers an authorization code with the ID token the
 * test signed for it ({@link #answers}). The person's sign-in at {@code /authorize} is the test's to play: it reads
 * the authorization request and calls the client's redirect URI itself. The portal's tests sign the tokens a shop
 * hands over with its key.
 */
public final class FakeIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "omnireturns-console";
    static final String CLIENT_SECRET = "console-secret";

    private final RSAKey key = rsaKey();
    private final RSAKey otherKey = rsaKey();
    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    public FakeIdentityProvider() {
        server.start();
        server.stubFor(get("/.well-known/openid-configuration").willReturn(okJson("""
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/keys", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid"],
                 "token_endpoint_auth_methods_supported": ["client_secret_basic"]}""".formatted(issuer()))));
        // only the public half of the provider's key is published
        server.stubFor(get("/keys").willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
    }

    public String issuer() {
        return server.baseUrl();
    }

    /** The claims of a good ID token for this client and sign-in: roles in a nested claim, the user's name in another. */
    JWTClaimsSet.Builder claims(String nonce, String user, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(CLIENT_ID)
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce)
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles));
    }

    /** Signed with the provider's published key. */
    public String signed(JWTClaimsSet.Builder claims) {
        return sign(key, claims);
    }

    /** Signed with another key, under the id of the provider's published one: a forgery. */
    public String forged(JWTClaimsSet.Builder claims) {
        return sign(otherKey, claims);
    }

    /** The token endpoint answers this authorization code with an access token and this ID token. */
    void answers(String code, String idToken) {
        server.stubFor(post("/token").withRequestBody(containing("code=" + code)).willReturn(okJson("""
                {"access_token": "access-%s", "token_type": "Bearer", "expires_in": 300, "scope": "openid",
                 "id_token": "%s"}""".formatted(code, idToken))));
    }

    /** What the client sent to the token endpoint for this code. */
    List<LoggedRequest> tokenRequests(String code) {
        return server.findAll(postRequestedFor(urlEqualTo("/token")).withRequestBody(containing("code=" + code)));
    }

    @Override
    public void close() {
        server.stop();
    }

    private String sign(RSAKey signer, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(signer));
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
}
