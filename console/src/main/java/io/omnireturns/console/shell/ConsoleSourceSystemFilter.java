package io.omnireturns.console.shell;

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

/**
 * Every command a console page sends carries {@code console} as its source system, and the signed-in person as its
 * actor, whichever service sends it: the request's dispatch interceptor ({@link RequestMetadataInterceptor}) reads
 * both from the request, so a console request reads {@code X-Source-System: console} and no {@code X-Actor} (a person
 * at the console acts for themselves, never "on behalf of" whatever a browser claims). The API's requests are not
 * touched.
 */
@Component
class ConsoleSourceSystemFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/console") || path.startsWith("/console/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new ConsoleRequest(request), response);
    }

    /** The request as the dispatch interceptor reads it. */
    private static final class ConsoleRequest extends HttpServletRequestWrapper {

        ConsoleRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            if (RequestMetadataInterceptor.SOURCE_SYSTEM_HEADER.equalsIgnoreCase(name)) {
                return ConsoleCommandSender.SOURCE_SYSTEM;
            }
            return RequestMetadataInterceptor.ACTOR_HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (RequestMetadataInterceptor.SOURCE_SYSTEM_HEADER.equalsIgnoreCase(name)) {
                return Collections.enumeration(java.util.List.of(ConsoleCommandSender.SOURCE_SYSTEM));
            }
            return RequestMetadataInterceptor.ACTOR_HEADER.equalsIgnoreCase(name)
                    ? Collections.emptyEnumeration() : super.getHeaders(name);
        }
    }
}
