package io.omnireturns.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.util.List;

/**
 * How callers prove who they are ({@code omnireturns.security.*}). On the embedded database the default is
 * {@link Mode#DEMO}: HTTP Basic with the documented demo users, the same roles and scopes a production identity
 * provider would give. On any other database the default is {@link Mode#JWT}, which will not start without an issuer
 * and an audience: a deployment that forgets to configure security does not come up with {@code admin:demo} open.
 *
 * @param mode           {@code demo} (HTTP Basic, demo users) or {@code jwt} (OAuth2 resource server); unset means
 *                       demo on the embedded database, jwt otherwise
 * @param jwt            how bearer tokens are checked and read
 * @param demoUsers      the users of demo mode; empty means the documented defaults
 * @param maxRequestBody the largest request body the API accepts (413 above it)
 * @param maxWebhookBody the largest webhook body a partner may send
 * @param maxUploadBody  the largest upload (a shopper's photo, {@link AccessRules#UPLOADS}) the portal accepts
 */
@ConfigurationProperties("omnireturns.security")
public record SecurityProperties(Mode mode, Jwt jwt, List<DemoAccount> demoUsers, DataSize maxRequestBody,
                                 DataSize maxWebhookBody, DataSize maxUploadBody) {

    public enum Mode { DEMO, JWT }

    /** The mode in force: as configured, else demo on the embedded database only. */
    public Mode modeFor(boolean embeddedDatabase) {
        return mode != null ? mode : embeddedDatabase ? Mode.DEMO : Mode.JWT;
    }

    public SecurityProperties {
        jwt = jwt == null ? new Jwt(null, null, null, null, null, null, null) : jwt;
        demoUsers = demoUsers == null || demoUsers.isEmpty() ? DemoAccount.DEFAULTS : List.copyOf(demoUsers);
        maxRequestBody = maxRequestBody == null ? DataSize.ofKilobytes(64) : maxRequestBody;
        maxWebhookBody = maxWebhookBody == null ? DataSize.ofKilobytes(256) : maxWebhookBody;
        maxUploadBody = maxUploadBody == null ? DataSize.ofMegabytes(6) : maxUploadBody;
    }

    /**
     * @param issuerUri     the token issuer ({@code iss}), required; its OpenID configuration names the keys unless
     *                      jwkSetUri is set
     * @param jwkSetUri     where the signing keys are, if not found through the issuer
     * @param audience      required: a token must name it in {@code aud} (a token the same provider issued for another
     *                      application is refused)
     * @param rolesClaim    the claim with the caller's roles; a claim of exactly that name, else a dotted path into
     *                      objects ({@code realm_access.roles})
     * @param storesClaim   the claim with the stores a store associate works for
     * @param customerClaim the claim naming the one customer a channel acts for, if any
     * @param nameClaim     the claim recorded as the actor on every event the caller causes
     */
    public record Jwt(URI issuerUri, URI jwkSetUri, String audience, String rolesClaim, String storesClaim,
                      String customerClaim, String nameClaim) {
        public Jwt {
            rolesClaim = blankOr(rolesClaim, "roles");
            storesClaim = blankOr(storesClaim, "stores");
            customerClaim = blankOr(customerClaim, "customer_id");
            nameClaim = blankOr(nameClaim, "sub");
        }
    }

    /**
     * A demo-mode user.
     *
     * @param password   plain, or with an encoder prefix ({@code {bcrypt}...})
     * @param stores     the stores a store associate works for
     * @param customerId the one customer a channel user acts for
     */
    public record DemoAccount(String username, String password, List<Role> roles, List<String> stores,
                              String customerId) {

        /** The documented demo users (README, "Security"); every password is {@code demo}. */
        public static final List<DemoAccount> DEFAULTS = List.of(
                user("web-shop", Role.CHANNEL),
                user("pos", Role.CHANNEL),
                new DemoAccount("customer-100", "demo", List.of(Role.CHANNEL), List.of(), "CUST-100"),
                new DemoAccount("store-001", "demo", List.of(Role.STORE_ASSOCIATE), List.of("STORE-001"), null),
                new DemoAccount("store-002", "demo", List.of(Role.STORE_ASSOCIATE), List.of("STORE-002"), null),
                user("warehouse", Role.WAREHOUSE),
                user("service-agent", Role.SERVICE_AGENT),
                user("finance", Role.FINANCE),
                user("auditor", Role.AUDITOR),
                user("operations", Role.OPERATIONS),
                user("admin", Role.ADMIN));

        public DemoAccount {
            roles = roles == null ? List.of() : List.copyOf(roles);
            stores = stores == null ? List.of() : List.copyOf(stores);
        }

        private static DemoAccount user(String name, Role role) {
            return new DemoAccount(name, "demo", List.of(role), List.of(), null);
        }
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
