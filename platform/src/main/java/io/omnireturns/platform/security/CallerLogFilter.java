package io.omnireturns.platform.security;

import io.omnireturns.platform.observability.CorrelationIds;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Puts the signed-in actor into every log line of the request (after authentication, before authorization). */
final class CallerLogFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (var acting = MDC.putCloseable(CorrelationIds.ACTOR, RequestMetadataInterceptor.actorOf(request))) {
            chain.doFilter(request, response);
        }
    }
}
