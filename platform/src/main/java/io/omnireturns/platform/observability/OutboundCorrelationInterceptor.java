package io.omnireturns.platform.observability;

import org.slf4j.MDC;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;

/**
 * Sends the current work's ids to the system called: {@code X-Correlation-Id} and {@code X-Trace-Id}. The W3C
 * {@code traceparent} is not made here: the RestClient's observation sends its client span's (Micrometer Tracing). The ids come from the MDC, which the HTTP filter, the message handler
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
        }
        return execution.execute(request, body);
    }
}
