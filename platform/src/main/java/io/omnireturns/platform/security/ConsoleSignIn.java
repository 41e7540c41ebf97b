package io.omnireturns.platform.security;

import java.util.List;

/**
 * How a person signs in to the staff console, for its sign-in page: the demo users' form in demo mode, else the
 * OpenID Connect providers configured for the console (none: {@link #configurationHint} says what to set).
 *
 * @param demo      the form for the demo users (same users and passwords as the API's HTTP Basic)
 * @param providers where to start an OpenID Connect sign-in, one per client registration
 */
public record ConsoleSignIn(boolean demo, List<Provider> providers) {

    /** The start of the sign-in flow at {@code /console/oauth2/authorization/{registrationId}}. */
    public static final String AUTHORIZATION_BASE = "/console/oauth2/authorization";
    /** Where the identity provider sends the person back; register {@code {baseUrl}/console/login/oauth2/code/{id}}. */
    public static final String REDIRECTION_BASE = "/console/login/oauth2/code/*";
    /** The redirect URI the console sends to the identity provider (Spring's template). */
    public static final String REDIRECT_URI = "{baseUrl}/console/login/oauth2/code/{registrationId}";

    public ConsoleSignIn {
        providers = List.copyOf(providers);
    }

    /** One OpenID Connect client registration. */
    public record Provider(String registrationId, String name) {
        public String url() {
            return AUTHORIZATION_BASE + "/" + registrationId;
        }
    }

    /** In jwt mode without a client registration nobody can sign in to the console. */
    public boolean unavailable() {
        return !demo && providers.isEmpty();
    }

    public String configurationHint() {
        return "The console signs in through OpenID Connect in jwt mode. Register this service as a client at your "
                + "identity provider (redirect URI {baseUrl}/console/login/oauth2/code/omnireturns) and set "
                + "spring.security.oauth2.client.registration.omnireturns.client-id, .client-secret and "
                + ".scope=openid, and spring.security.oauth2.client.provider.omnireturns.issuer-uri to the "
                + "issuer of omnireturns.security.jwt.issuer-uri. The ID token carries the roles, stores and "
                + "customer claims the API reads from access tokens.";
    }
}
