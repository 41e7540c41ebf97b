package io.omnireturns.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.function.Supplier;

/**
 * The last access rule: a signed-in caller may go on with a request that no controller would handle, so that an
 * unknown path is answered 404 {@code NOT_FOUND} (and a known path with another method 405), not 403 as if a role
 * were missing; the API document is public anyway, so the answer tells nothing new. A request a controller
 * <em>would</em> handle but that has no rule in {@link AccessRules} stays refused to everyone, and a caller who is
 * not signed in is asked to sign in (401) whatever the path.
 */
final class UnmappedRequests implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final ApplicationContext context;
    private volatile HandlerMapping controllers;

    UnmappedRequests(ApplicationContext context) {
        this.context = context;
    }

    @Override
    @Deprecated
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        Authentication caller = authentication.get();
        boolean signedIn = caller != null && caller.isAuthenticated() && !TRUST.isAnonymous(caller);
        return new AuthorizationDecision(signedIn && !anyControllerHandles(request.getRequest()));
    }

    private boolean anyControllerHandles(HttpServletRequest request) {
        RequestPath previous = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return controllers().getHandler(request) != null;
        } catch (Exception partlyMatched) {
            // the path is known but the method, media type or parameters are not: Spring MVC answers 405, 415, 406
            // or 400 without running a controller
            return false;
        } finally {
            if (previous != null) {
                ServletRequestPathUtils.setParsedRequestPath(previous, request);
            } else {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    private HandlerMapping controllers() {
        if (controllers == null) {
            controllers = context.getBean("requestMappingHandlerMapping", HandlerMapping.class);
        }
        return controllers;
    }
}
