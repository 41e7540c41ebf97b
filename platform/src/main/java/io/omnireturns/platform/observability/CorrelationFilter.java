package io.omnireturns.platform.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Where a piece of work gets its ids: the caller's {@code X-Correlation-Id} and trace ({@code traceparent} or
 * {@code X-Trace-Id}) when it sent valid ones, new ones otherwise. Both are echoed on the response, kept as request
 * attributes for the commands the request sends, and put in the logging MDC (with the actor) while it is served.
 */
public class CorrelationFilter extends OncePerRequestFilter {

    /** Request attributes holding the ids of the request being served. */
    public static final String CORRELATION_ID_ATTRIBUTE = CorrelationFilter.class.getName() + ".correlationId";
    public static final String TRACE_ID_ATTRIBUTE = CorrelationFilter.class.getName() + ".traceId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = CorrelationIds
                .acceptedCorrelationId(request.getHeader(CorrelationIds.CORRELATION_ID_HEADER))
                .orElseGet(CorrelationIds::newCorrelationId);
        String traceId = CorrelationIds.acceptedTraceId(request.getHeader(CorrelationIds.TRACEPARENT_HEADER),
                request.getHeader(CorrelationIds.TRACE_ID_HEADER)).orElseGet(CorrelationIds::newTraceId);
        request.setAttribute(CORRELATION_ID_ATTRIBUTE, correlationId);
        request.setAttribute(TRACE_ID_ATTRIBUTE, traceId);
        response.setHeader(CorrelationIds.CORRELATION_ID_HEADER, correlationId);
        response.setHeader(CorrelationIds.TRACE_ID_HEADER, traceId);
        // the actor joins the MDC once the caller is signed in (see CallerLogFilter)
        try (var correlation = MDC.putCloseable(CorrelationIds.CORRELATION_ID, correlationId);
             var trace = MDC.putCloseable(CorrelationIds.TRACE_ID, traceId)) {
            chain.doFilter(request, response);
        }
    }
}
