package io.omnireturns.platform.security;

import io.omnireturns.api.security.AccessScope;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The console's person from an OpenID Connect sign-in: roles, stores, customer and name read from the ID token's
 * claims exactly as {@link JwtCallers} reads them from an API access token (the same claim settings, the same
 * fail-closed rules), so a person has the same rights in the console as their token has in the API.
 */
final class ConsoleOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final JwtCallers callers;

    ConsoleOidcUsers(SecurityProperties.Jwt settings) {
        this.callers = new JwtCallers(settings);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        return from(request.getIdToken());
    }

    /** The person an ID token names, with the roles and scope its claims give. */
    ConsoleOidcUser from(OidcIdToken idToken) {
        Jwt asJwt = new Jwt(idToken.getTokenValue(), idToken.getIssuedAt(), idToken.getExpiresAt(),
                Map.of("alg", "none"), idToken.getClaims());
        AbstractAuthenticationToken caller;
        try {
            caller = callers.convert(asJwt);
        } catch (InvalidBearerTokenException nobody) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token", nobody.getMessage(), null));
        }
        return new ConsoleOidcUser(caller.getAuthorities(), idToken, caller.getName(),
                (AccessScope) caller.getDetails());
    }

    /** A signed-in console person: {@link Caller} reads the scope from it. */
    static final class ConsoleOidcUser extends DefaultOidcUser {

        private final String name;
        private final AccessScope scope;

        ConsoleOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, String name,
                        AccessScope scope) {
            super(List.copyOf(authorities), idToken);
            this.name = name;
            this.scope = scope;
        }

        @Override
        public String getName() {
            return name;
        }

        AccessScope scope() {
            return scope;
        }
    }
}
