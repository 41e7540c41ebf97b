package io.omnireturns.console.shell;

import io.omnireturns.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleRoutesTest {

    private final ConsoleRoutes routes = new ConsoleRoutes();

    @Test
    void a_finance_user_may_not_reach_any_warehouse_page_or_action() {
        assertThat(routes.permits(HttpMethod.GET, "/console/warehouse", Set.of(Role.FINANCE))).isFalse();
        assertThat(routes.permits(HttpMethod.POST, "/console/warehouse/receipts", Set.of(Role.FINANCE))).isFalse();
        assertThat(routes.permits(HttpMethod.POST, "/console/warehouse/receipts", Set.of(Role.WAREHOUSE))).isTrue();
    }

    @Test
    void an_admin_reaches_every_route_and_nobody_reaches_a_console_path_missing_from_the_table() {
        for (ConsoleRoutes.Route route : ConsoleRoutes.ROUTES) {
            assertThat(routes.permits(HttpMethod.GET, route.link(), Set.of(Role.ADMIN))).as(route.pattern()).isTrue();
        }
        assertThat(routes.permits(HttpMethod.GET, "/console/unknown", Set.of(Role.ADMIN))).isFalse();
        assertThat(routes.permits(HttpMethod.GET, "/consoles", Set.of(Role.ADMIN))).isFalse();
    }

    @Test
    void a_channel_system_has_no_console_and_its_navigation_is_empty() {
        assertThat(routes.permits(HttpMethod.GET, "/console", Set.of(Role.CHANNEL))).isFalse();
        assertThat(routes.navigationFor(Set.of(Role.CHANNEL))).isEmpty();
        assertThat(routes.navigationFor(Set.of(Role.SERVICE_AGENT))).extracting(route -> route.nav().label())
                .containsExactly("Returns", "Exceptions");
    }

    @Test
    void the_exception_queue_follows_the_api_a_service_agent_reads_and_resolves_but_only_operations_retry() {
        assertThat(routes.permits(HttpMethod.GET, "/console/exceptions", Set.of(Role.SERVICE_AGENT))).isTrue();
        assertThat(routes.permits(HttpMethod.POST, "/console/exceptions/EX-R-1/resolution", Set.of(Role.SERVICE_AGENT)))
                .isTrue();
        assertThat(routes.permits(HttpMethod.POST, "/console/exceptions/EX-R-1/retry", Set.of(Role.SERVICE_AGENT)))
                .isFalse();
        assertThat(routes.permits(HttpMethod.POST, "/console/exceptions/EX-R-1/retry", Set.of(Role.OPERATIONS))).isTrue();
        assertThat(routes.permits(HttpMethod.GET, "/console/exceptions", Set.of(Role.WAREHOUSE))).isFalse();
    }

    @Test
    void starting_a_return_from_an_order_look_up_is_the_service_agents_while_every_staff_role_reads_returns() {
        for (HttpMethod method : new HttpMethod[]{HttpMethod.GET, HttpMethod.POST}) {
            assertThat(routes.permits(method, ConsoleRoutes.START_RETURN, Set.of(Role.SERVICE_AGENT))).isTrue();
            assertThat(routes.permits(method, ConsoleRoutes.START_RETURN, Set.of(Role.ADMIN))).isTrue();
            for (Role other : Set.of(Role.STORE_ASSOCIATE, Role.WAREHOUSE, Role.FINANCE, Role.AUDITOR, Role.OPERATIONS)) {
                assertThat(routes.permits(method, ConsoleRoutes.START_RETURN, Set.of(other))).as(other.name()).isFalse();
            }
        }
        assertThat(routes.admits("/console/returns/RET-1", Set.of(Role.WAREHOUSE))).isTrue();
        assertThat(routes.admits("/console/returns", Set.of(Role.FINANCE))).isTrue();
    }
}
