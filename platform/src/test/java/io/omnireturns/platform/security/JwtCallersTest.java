package io.omnireturns.platform.security;

import io.omnireturns.api.security.AccessScope;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtCallersTest {

    private final JwtCallers callers = new JwtCallers(
            new SecurityProperties.Jwt(null, null, null, "realm_access.roles", "stores", "customer_id", "preferred_username"));

    @Test
    void roles_are_read_from_a_nested_claim_in_any_spelling_and_foreign_roles_are_ignored() {
        Caller caller = Caller.of(callers.convert(jwt(Map.of(
                "preferred_username", "anna",
                "realm_access", Map.of("roles", List.of("store-associate", "ROLE_WAREHOUSE", "offline_access")),
                "stores", "STORE-001, STORE-002"))));

        assertThat(caller.name()).isEqualTo("anna");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.STORE_ASSOCIATE, Role.WAREHOUSE);
        assertThat(caller.scope()).isEqualTo(AccessScope.stores(Set.of("STORE-001", "STORE-002")));
    }

    @Test
    void a_token_without_roles_or_scope_claims_is_a_caller_with_no_role_and_no_limit() {
        AbstractAuthenticationToken token = callers.convert(jwt(Map.of("preferred_username", "svc")));

        assertThat(token.getAuthorities()).isEmpty();
        assertThat(Caller.of(token).scope()).isEqualTo(AccessScope.unscoped());
    }

    @Test
    void a_customer_claim_limits_the_caller_to_that_customer() {
        Caller caller = Caller.of(callers.convert(jwt(Map.of("preferred_username", "shop",
                "realm_access", Map.of("roles", "channel"), "customer_id", "CUST-100"))));

        assertThat(caller.roles()).containsExactly(Role.CHANNEL);
        assertThat(caller.scope()).isEqualTo(AccessScope.customer("CUST-100"));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("s-1").claims(all -> all.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }

    @Test
    void a_store_associate_whose_token_names_no_store_is_no_store_associate() {
        Caller caller = Caller.of(callers.convert(jwt(Map.of("preferred_username", "dave",
                "realm_access", Map.of("roles", List.of("store_associate", "auditor"))))));

        assertThat(caller.roles()).containsExactly(Role.AUDITOR);
    }

    @Test
    void a_token_that_names_nobody_is_refused() {
        Jwt nameless = Jwt.withTokenValue("t").header("alg", "RS256").claim("realm_access", Map.of("roles", "admin"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();

        assertThatThrownBy(() -> callers.convert(nameless)).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void a_namespaced_claim_is_read_by_its_exact_name_before_any_dotted_path() {
        JwtCallers namespaced = new JwtCallers(new SecurityProperties.Jwt(null, null, null,
                "https://omnireturns.example/roles", null, null, null));

        Caller caller = Caller.of(namespaced.convert(jwt(Map.of("https://omnireturns.example/roles", List.of("finance")))));

        assertThat(caller.roles()).containsExactly(Role.FINANCE);
        assertThat(caller.name()).isEqualTo("s-1");
    }
}
