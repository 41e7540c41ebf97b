package io.omnireturns.platform.security;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.security.AccessScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Set;

/**
 * The authenticated caller of the current request: its name (the actor recorded on every event it causes), its roles
 * and the scope of returns it may handle. Controllers take it as a parameter.
 */
public record Caller(String name, Set<Role> roles, AccessScope scope) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The caller of the current thread's request, or empty outside a signed-in request. */
    public static java.util.Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getPrincipal())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(of(authentication));
    }

    static Caller of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        AccessScope scope = authentication.getDetails() instanceof AccessScope fromToken ? fromToken
                : authentication.getPrincipal() instanceof DemoUser demo ? demo.scope()
                : authentication.getPrincipal() instanceof ConsoleOidcUsers.ConsoleOidcUser person ? person.scope()
                : AccessScope.unscoped();
        return new Caller(authentication.getName(), roles, scope);
    }

    /** Refuses a request that names a store or customer outside the caller's scope; answers the one to use. */
    public String storeFor(String requestedStoreId) {
        if (scope.stores().isEmpty()) {
            return requestedStoreId;
        }
        if (requestedStoreId == null) {
            if (scope.stores().size() == 1) {
                return scope.stores().iterator().next();
            }
            throw new DomainException(ErrorKind.INVALID_INPUT, "STORE_REQUIRED",
                    "you work for several stores: say which one (storeId)");
        }
        if (!scope.stores().contains(requestedStoreId)) {
            throw new DomainException(ErrorKind.FORBIDDEN, "STORE_NOT_IN_SCOPE",
                    "you may not handle returns of store " + requestedStoreId);
        }
        return requestedStoreId;
    }

    /** As {@link #storeFor}, for the customer a channel acts for. */
    public String customerFor(String requestedCustomerId) {
        if (scope.customerId() == null) {
            return requestedCustomerId;
        }
        if (requestedCustomerId != null && !scope.customerId().equals(requestedCustomerId)) {
            throw new DomainException(ErrorKind.FORBIDDEN, "CUSTOMER_NOT_IN_SCOPE",
                    "you may only handle the returns of customer " + scope.customerId());
        }
        return scope.customerId();
    }
}
