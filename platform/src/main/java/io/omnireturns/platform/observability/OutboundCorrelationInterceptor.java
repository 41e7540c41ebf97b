package io.omnireturns.platform.observability;

import org.slf4j.MDC;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;

/**
 * Sends the current work's ids to the system called: {@code X-Correlation-Id} and {@code X-Trace-Id}. The
 * {@code traceparent} is the RestClient observation's (its client span's context); only with tracing off does this
 * make one from a W3C-shaped trace id. The ids come from the MDC, which the HTTP filter, the message handler
 * interceptor and the step executor keep set for the work a thread is doing.
 */
public class OutboundCorrelationInterceptor implements ClientHttpRequestInterceptor {

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String correlationId = MDC.get(CorrelationIds.CORRELATION_ID);
        String traceId = MDC.get(CorrelationIds.TRACE_ID);
        if (correlationId != null && !request.getHeaders().containsKey(CorrelationIds.CORRELATION_ID_HEADER)) {
            request.getHeaders().set(CorrelationIds.CORRELATION_ID_HEADER, correlationId);
        }
        if (traceId != null && !request.getHeaders().containsKey(CorrelationIds.TRACE_ID_HEADER)) {
            request.getHeaders().set(CorrelationIds.TRACE_ID_HEADER, traceId);
            if (!request.getHeaders().containsKey(CorrelationIds.TRACEPARENT_HEADER)) {
                // tracing off: no client span injected one, so the trace still goes on under a made-up parent
                CorrelationIds.traceparentFor(traceId).ifPresent(traceparent ->
                        request.getHeaders().set(CorrelationIds.TRACEPARENT_HEADER, traceparent));
            }
        }
        return execution.execute(request, body);
    }
}
