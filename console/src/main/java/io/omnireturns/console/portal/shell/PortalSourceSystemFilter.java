package io.omnireturns.console.portal.shell;

import io.omnireturns.platform.web.RequestMetadataInterceptor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Every command a portal page sends carries {@code portal} as its source system and the shopper as its actor, as the
 * console's filter does for the console: the request's dispatch interceptor reads both from the request, so a portal
 * request reads {@code X-Source-System: portal} and no {@code X-Actor}, whatever the browser sent.
 */
@Component
class PortalSourceSystemFilter extends OncePerRequestFilter {

    static final String SOURCE_SYSTEM = "portal";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/portal") || path.startsWith("/portal/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                if (RequestMetadataInterceptor.SOURCE_SYSTEM_HEADER.equalsIgnoreCase(name)) {
                    return SOURCE_SYSTEM;
                }
                return RequestMetadataInterceptor.ACTOR_HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                if (RequestMetadataInterceptor.SOURCE_SYSTEM_HEADER.equalsIgnoreCase(name)) {
                    return Collections.enumeration(List.of(SOURCE_SYSTEM));
                }
                return RequestMetadataInterceptor.ACTOR_HEADER.equalsIgnoreCase(name)
                        ? Collections.emptyEnumeration() : super.getHeaders(name);
            }
        }, response);
    }
}
