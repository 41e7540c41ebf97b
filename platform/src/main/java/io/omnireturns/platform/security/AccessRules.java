package io.omnireturns.platform.security;

import org.springframework.http.HttpMethod;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.omnireturns.platform.security.Role.*;

/**
 * Who may call which endpoint: the one table the security filter applies before a request reaches a controller (so a
 * refused caller learns nothing from validation) and the one that docs/security.md shows. {@link Role#ADMIN} is added
 * to every rule. An endpoint missing here is refused to everyone; the role-matrix test finds it.
 */
public final class AccessRules {

    /**
     * One endpoint and the roles that may call it. Only the endpoints about single returns admit a scoped caller (a
     * store associate, a channel acting for one customer), which sees there only the returns in its scope; every
     * other endpoint (history, ledgers, exceptions, exports, administration) refuses a scoped caller whatever its
     * roles, since it reaches beyond one store or customer.
     */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles, boolean admitsScopedCallers) {
        public String[] roleNames() {
            return roles.stream().map(Role::name).toArray(String[]::new);
        }
    }

    /** Everyone may read these, signed in or not: liveness, readiness and the API document. */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error");

    /** Signed with the partner's HMAC key instead (see docs/webhooks.md). */
    public static final String WEBHOOKS = "/api/v1/integrations/*/events";

    /** Uploads, with their own body limit: a shopper's photos of a return (the portal's chain guards them). */
    public static final List<String> UPLOADS = List.of("/portal/returns/*/photos");

    public static final List<Rule> RULES = List.of(
            scoped(HttpMethod.POST, "/api/v1/returns", CHANNEL, STORE_ASSOCIATE, SERVICE_AGENT),
            // quotes go with requesting a return: same roles, same scope (a customer quotes its own orders)
            scoped(HttpMethod.POST, "/api/v1/returns/quotes", CHANNEL, STORE_ASSOCIATE, SERVICE_AGENT),
            scoped(HttpMethod.GET, "/api/v1/returns/quotes/*", CHANNEL, STORE_ASSOCIATE, SERVICE_AGENT),
            scoped(HttpMethod.GET, "/api/v1/returns",
                    CHANNEL, STORE_ASSOCIATE, WAREHOUSE, SERVICE_AGENT, FINANCE, AUDITOR, OPERATIONS),
            // the status streams (server-sent events) follow the status GET: same roles, same scope
            scoped(HttpMethod.GET, "/api/v1/returns/events",
                    CHANNEL, STORE_ASSOCIATE, WAREHOUSE, SERVICE_AGENT, FINANCE, AUDITOR, OPERATIONS),
            scoped(HttpMethod.GET, "/api/v1/returns/*",
                    CHANNEL, STORE_ASSOCIATE, WAREHOUSE, SERVICE_AGENT, FINANCE, AUDITOR, OPERATIONS),
            scoped(HttpMethod.GET, "/api/v1/returns/*/events",
                    CHANNEL, STORE_ASSOCIATE, WAREHOUSE, SERVICE_AGENT, FINANCE, AUDITOR, OPERATIONS),
            scoped(HttpMethod.POST, "/api/v1/returns/*/cancellation", CHANNEL, STORE_ASSOCIATE, SERVICE_AGENT),
            scoped(HttpMethod.POST, "/api/v1/returns/*/receipts", WAREHOUSE, STORE_ASSOCIATE),
            scoped(HttpMethod.POST, "/api/v1/returns/*/inspections", WAREHOUSE, STORE_ASSOCIATE),
            rule(HttpMethod.POST, "/api/v1/returns/*/holds", SERVICE_AGENT, OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/returns/*/hold-resolutions", SERVICE_AGENT, OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/returns/*/decline", SERVICE_AGENT),
            rule(HttpMethod.POST, "/api/v1/returns/*/goodwill", SERVICE_AGENT),
            // a store associate writes notes on its own store's returns only (the return refuses any other)
            scoped(HttpMethod.POST, "/api/v1/returns/*/notes",
                    STORE_ASSOCIATE, WAREHOUSE, SERVICE_AGENT, FINANCE, OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/returns/*/history", AUDITOR, OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/returns/*/state", AUDITOR, OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/audit/events", AUDITOR),
            rule(HttpMethod.GET, "/api/v1/exceptions", SERVICE_AGENT, OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/exceptions/*", SERVICE_AGENT, OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/exceptions/*/retry", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/finance/returns/*/ledger", FINANCE, AUDITOR),
            rule(HttpMethod.GET, "/api/v1/finance/periods/*/reconciliation", FINANCE, AUDITOR),
            rule(HttpMethod.POST, "/api/v1/finance/periods/*/close", FINANCE),
            rule(HttpMethod.GET, "/api/v1/kpis", FINANCE, AUDITOR, OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/analytics/returns/daily", FINANCE, AUDITOR, OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/admin/processors", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/admin/processors/*", OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/admin/processors/*/replay", OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/admin/views/*/verification", AUDITOR, OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/admin/kafka/republications", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/admin/kafka/republications/*", OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/admin/kafka/republications", OPERATIONS),
            // outbound webhooks: subscriptions (secrets are write-only), delivery logs, dead letters
            rule(HttpMethod.POST, "/api/v1/webhooks/subscriptions", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/webhooks/subscriptions", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/webhooks/subscriptions/*", OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/webhooks/subscriptions/*/secret-rotation", OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/webhooks/subscriptions/*/activation", OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/webhooks/subscriptions/*/deactivation", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/webhooks/subscriptions/*/deliveries", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/webhooks/dead-letters", OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/webhooks/dead-letters/*/redelivery", OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/admin/views/*/rebuild", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/admin/views/*/rebuild", OPERATIONS),
            rule(HttpMethod.DELETE, "/api/v1/admin/views/*/rebuild", OPERATIONS),
            // metrics (Prometheus scrapes with operations credentials) and every other actuator endpoint
            rule(HttpMethod.GET, "/actuator/**", OPERATIONS));

    private AccessRules() {
    }

    private static Rule rule(HttpMethod method, String pattern, Role... roles) {
        return new Rule(method, pattern, withAdmin(roles), false);
    }

    private static Rule scoped(HttpMethod method, String pattern, Role... roles) {
        return new Rule(method, pattern, withAdmin(roles), true);
    }

    private static Set<Role> withAdmin(Role... roles) {
        Set<Role> allowed = EnumSet.of(ADMIN);
        allowed.addAll(Arrays.asList(roles));
        return Set.copyOf(allowed);
    }
}
