package io.omnireturns.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's OpenID Connect sign-in is answered at a console path, not at Spring's default one. */
class ConsoleRedirectUriTest {

    @Test
    void springs_default_redirect_uri_becomes_the_consoles_and_a_configured_one_is_kept() {
        var console = ConsoleSecurityConfiguration.withConsoleRedirect(new InMemoryClientRegistrationRepository(
                registration("omnireturns", "{baseUrl}/{action}/oauth2/code/{registrationId}"),
                registration("partner", "https://console.example/console/login/oauth2/code/partner")));

        assertThat(console.findByRegistrationId("omnireturns").getRedirectUri())
                .isEqualTo("{baseUrl}/console/login/oauth2/code/{registrationId}");
        assertThat(console.findByRegistrationId("partner").getRedirectUri())
                .isEqualTo("https://console.example/console/login/oauth2/code/partner");
    }

    private static ClientRegistration registration(String id, String redirectUri) {
        return ClientRegistration.withRegistrationId(id).clientId("client").clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(redirectUri)
                .scope("openid").authorizationUri("https://idp.example/authorize").tokenUri("https://idp.example/token")
                .jwkSetUri("https://idp.example/keys").build();
    }
}
