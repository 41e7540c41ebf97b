package io.omnireturns.console.portal.shell;

import io.omnireturns.platform.security.BearerTokens;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's sign-in in jwt mode. The shop, where the customer is signed in with the retailer's identity provider,
 * hands the portal a short-lived token of that provider ({@code /portal/sign-in}); it is read exactly as the API reads
 * a bearer token ({@link BearerTokens}: signature, expiry, issuer, audience, the role and customer claims), and it
 * signs a customer in only if it names a customer as the API's customer callers are named: the channel role alone,
 * a customer id and no store. It must also be fresh: issued no longer ago than
 * {@link PortalProperties#signInTokenMaxAge()}, since it travels through the browser.
 */
@Component
public class CustomerSignIn {

    private static final Logger log = LoggerFactory.getLogger(CustomerSignIn.class);
    /** How far the identity provider's clock may run ahead of ours. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final BearerTokens tokens;
    private final PortalProperties properties;
    private final Clock clock;

    CustomerSignIn(BearerTokens tokens, PortalProperties properties, Clock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether customers sign in with a token (jwt mode); else with the demo accounts' form. */
    public boolean byToken() {
        return tokens.enabled();
    }

    /** The customer's pass, or empty when the token is refused (the reason is logged, never shown). */
    public Optional<CustomerPass> signIn(String token) {
        Instant now = clock.instant();
        BearerTokens.Read read;
        try {
            read = tokens.read(token);
        } catch (BearerTokens.Refused refused) {
            log.info("portal sign-in refused: {}", refused.getMessage());
            return Optional.empty();
        }
        Caller caller = read.caller();
        String customerId = caller.scope().customerId();
        if (customerId == null || customerId.isBlank() || !caller.scope().stores().isEmpty()
                || !caller.roles().equals(Set.of(Role.CHANNEL))) {
            log.info("portal sign-in refused: {} is not a customer (roles {}, scope {})", caller.name(),
                    caller.roles(), caller.scope());
            return Optional.empty();
        }
        Instant issuedAt = read.token().getIssuedAt();
        if (issuedAt == null || issuedAt.isAfter(now.plus(CLOCK_SKEW))
                || issuedAt.isBefore(now.minus(properties.signInTokenMaxAge()))) {
            log.info("portal sign-in refused: the token of {} was issued at {}, not within {}", caller.name(),
                    issuedAt, properties.signInTokenMaxAge());
            return Optional.empty();
        }
        return Optional.of(new CustomerPass(caller.name(), customerId, now.plus(properties.customerSessionTtl())));
    }
}
