package io.omnireturns.api.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccessScopeTest {

    @Test
    void an_unscoped_caller_reaches_every_return_and_puts_nothing_on_a_command() {
        assertThat(AccessScope.unscoped().permits(null, "CUST-1")).isTrue();
        assertThat(AccessScope.unscoped().permits("STORE-9", null)).isTrue();
        assertThat(AccessScope.unscoped().toMetadata()).isEmpty();
        assertThat(AccessScope.fromMetadata(Map.of("actor", "web-shop"))).isEmpty();
    }

    @Test
    void a_store_scope_reaches_its_stores_returns_only_and_never_a_return_without_a_store() {
        AccessScope scope = AccessScope.stores(List.of("STORE-001", "STORE-002"));

        assertThat(scope.permits("STORE-002", "CUST-1")).isTrue();
        assertThat(scope.permits("STORE-003", "CUST-1")).isFalse();
        assertThat(scope.permits(null, "CUST-1")).isFalse();
    }

    @Test
    void both_limits_apply_together() {
        AccessScope scope = new AccessScope(java.util.Set.of("STORE-001"), "CUST-1");

        assertThat(scope.permits("STORE-001", "CUST-1")).isTrue();
        assertThat(scope.permits("STORE-001", "CUST-2")).isFalse();
        assertThat(scope.permits("STORE-002", "CUST-1")).isFalse();
    }

    @Test
    void a_scope_survives_the_trip_through_command_metadata() {
        AccessScope scope = new AccessScope(java.util.Set.of("STORE-002", "STORE-001"), "CUST-1");

        assertThat(AccessScope.fromMetadata(scope.toMetadata())).contains(scope);
        assertThat(AccessScope.fromMetadata(AccessScope.customer("CUST-7").toMetadata()))
                .contains(AccessScope.customer("CUST-7"));
    }
}
