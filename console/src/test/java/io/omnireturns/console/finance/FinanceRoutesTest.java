package io.omnireturns.console.finance;

import io.omnireturns.console.shell.ConsoleRoutes;
import io.omnireturns.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The finance routes follow the API's AccessRules: reconciliation and ledger, close, KPIs. */
class FinanceRoutesTest {

    @Test
    void only_finance_closes_a_period_while_auditors_read_and_operations_sees_only_the_kpis() {
        ConsoleRoutes routes = new ConsoleRoutes();
        String close = "/console/finance/periods/2025-01/close";
        assertThat(routes.permits(HttpMethod.POST, close, Set.of(Role.FINANCE))).isTrue();
        assertThat(routes.permits(HttpMethod.POST, close, Set.of(Role.ADMIN))).isTrue();
        assertThat(routes.permits(HttpMethod.POST, close, Set.of(Role.AUDITOR))).isFalse();
        assertThat(routes.permits(HttpMethod.GET, "/console/finance/periods/2025-01", Set.of(Role.AUDITOR))).isTrue();
        assertThat(routes.permits(HttpMethod.GET, "/console/finance/kpis", Set.of(Role.OPERATIONS))).isTrue();
        assertThat(routes.permits(HttpMethod.GET, "/console/finance/periods", Set.of(Role.OPERATIONS))).isFalse();
        assertThat(routes.permits(HttpMethod.GET, "/console/finance/periods", Set.of(Role.WAREHOUSE))).isFalse();
        assertThat(routes.navigationFor(Set.of(Role.FINANCE))).extracting(route -> route.nav().label())
                .containsExactly("Returns", "Finance", "KPIs");
    }
}
