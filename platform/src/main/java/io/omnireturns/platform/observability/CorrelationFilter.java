package io.omnireturns.platform.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Where a piece of work gets its ids: the caller's {@code X-Correlation-Id} when it sent a valid one, a new one
 * otherwise; the trace id of the request's server span (Spring's observation filter runs first and continues the
 * caller's {@code traceparent}), or, with tracing off, the caller's ({@code traceparent} or {@code X-Trace-Id}) or a
 * new one. Both are echoed on the response, kept as request
 * attributes for the commands the request sends, and put in the logging MDC (with the actor) while it is served.
 */
public class CorrelationFilter extends OncePerRequestFilter {

    private final MessageTracing tracing;

    public CorrelationFilter() {
        this(MessageTracing.off());
    }

    /** With tracing on, the trace id is the one of the request's server span (which continues the caller's). */
    public CorrelationFilter(MessageTracing tracing) {
        this.tracing = tracing;
    }

    /** Request attributes holding the ids of the request being served. */
    public static final String CORRELATION_ID_ATTRIBUTE = CorrelationFilter.class.getName() + ".correlationId";
    public static final String TRACE_ID_ATTRIBUTE = CorrelationFilter.class.getName() + ".traceId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = CorrelationIds
                .acceptedCorrelationId(request.getHeader(CorrelationIds.CORRELATION_ID_HEADER))
                .orElseGet(CorrelationIds::newCorrelationId);
        String traceId = tracing.currentTraceId().orElseGet(() -> CorrelationIds
                .acceptedTraceId(request.getHeader(CorrelationIds.TRACEPARENT_HEADER),
                        request.getHeader(CorrelationIds.TRACE_ID_HEADER))
                .orElseGet(CorrelationIds::newTraceId));
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
