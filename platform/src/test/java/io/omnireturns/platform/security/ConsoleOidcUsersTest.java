package io.omnireturns.platform.security;

import io.omnireturns.api.security.AccessScope;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's OpenID Connect sign-in gives a person the roles and scope the API gives their access token. */
class ConsoleOidcUsersTest {

    private final ConsoleOidcUsers users = new ConsoleOidcUsers(
            new SecurityProperties.Jwt(null, null, "omnireturns", "realm_access.roles", null, null, "preferred_username"));

    @Test
    void roles_stores_and_name_come_from_the_id_token_claims_as_from_an_access_token() {
        ConsoleOidcUsers.ConsoleOidcUser person = users.from(idToken(Map.of("sub", "u-1",
                "preferred_username", "ana", "realm_access", Map.of("roles", List.of("store-associate", "unknown")),
                "stores", "STORE-001")));

        Caller caller = Caller.of(new TestingAuthenticationToken(person, null, List.copyOf(person.getAuthorities())));
        assertThat(caller.name()).isEqualTo("ana");
        assertThat(caller.roles()).containsExactly(Role.STORE_ASSOCIATE);
        assertThat(caller.scope()).isEqualTo(new AccessScope(Set.of("STORE-001"), null));
    }

    @Test
    void a_store_associate_without_stores_is_no_store_associate() {
        ConsoleOidcUsers.ConsoleOidcUser person = users.from(idToken(Map.of("sub", "u-2",
                "realm_access", Map.of("roles", List.of("STORE_ASSOCIATE", "ROLE_FINANCE")))));

        assertThat(person.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_FINANCE");
        assertThat(person.getName()).isEqualTo("u-2");
    }

    @Test
    void an_id_token_naming_nobody_is_refused() {
        assertThatThrownBy(() -> users.from(idToken(Map.of("sub", " ", "realm_access", Map.of("roles", "admin")))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    private static OidcIdToken idToken(Map<String, Object> claims) {
        return new OidcIdToken("token", Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T11:00:00Z"),
                claims);
    }
}
