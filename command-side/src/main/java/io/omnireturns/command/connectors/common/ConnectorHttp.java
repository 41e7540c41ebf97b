package io.omnireturns.command.connectors.common;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.platform.observability.ConnectorMeters;
import io.omnireturns.platform.observability.OutboundCorrelationInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * The one HTTP client setup for every HTTP adapter: a RestClient with the system's base URL, credentials and
 * timeouts, and two call wrappers, both inside a circuit breaker. {@link #call} (a lookup a request waits for, such as
 * finding an order) retries retryable failures only (I/O errors, timeouts, 5xx, 429) with exponential backoff and
 * jitter. {@link #callOnce} (a step of the return process: label, refund, credit memo...) makes one attempt: the
 * return process is the one retry owner of its steps (its attempts, back-off and lease, {@code omnireturns.process.*}),
 * so a step makes at most {@code step-max-attempts} calls, not that many times this client's retries.
 * 4xx answers are business rejections and never retried; an unreadable answer is not retried either.
 * Every request carries the current work's correlation and trace ids; every call is timed by outcome and the
 * circuit's state is published ({@link ConnectorMeters}).
 */
public class ConnectorHttp {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ExternalSystem system;
    private final RestClient client;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final ConnectorMeters meters;

    /** Metrics go to Micrometer's global registry, which Spring Boot's registry is part of. */
    public ConnectorHttp(ExternalSystem system, ConnectorSettings settings, RestClient.Builder builder) {
        this(system, settings, builder, Metrics.globalRegistry);
    }

    public ConnectorHttp(ExternalSystem system, ConnectorSettings settings, RestClient.Builder builder,
                         MeterRegistry meterRegistry) {
        this.system = system;
        this.meters = new ConnectorMeters(meterRegistry);
        if (settings.baseUrl() == null || settings.baseUrl().isBlank()) {
            throw new IllegalStateException("omnireturns.connectors." + ConnectorNames.of(system)
                    + ".base-url is required in http mode");
        }
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(settings.connectTimeout());
        requestFactory.setReadTimeout(settings.readTimeout());
        RestClient.Builder configured = builder.clone()
                .baseUrl(settings.baseUrl())
                .requestFactory(requestFactory)
                .requestInterceptor(new OutboundCorrelationInterceptor());
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            configured.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey());
        }
        this.client = configured.build();
        ConnectorSettings.Retry retrySettings = settings.retry();
        this.retry = Retry.of(system + "-retry", RetryConfig.custom()
                .maxAttempts(Math.max(1, retrySettings.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        retrySettings.initialBackoff(), retrySettings.multiplier(), retrySettings.jitter()))
                .retryOnException(failure -> failure instanceof ConnectorException c && c.retryable()
                        && !(c.getCause() instanceof CallNotPermittedException))
                .build());
        ConnectorSettings.CircuitBreaker breaker = settings.circuitBreaker();
        this.circuitBreaker = CircuitBreaker.of(system + "-circuit", CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .waitDurationInOpenState(breaker.openStateWait())
                // a business "no" is a healthy answer: only retryable failures count against the system
                .recordException(failure -> failure instanceof ConnectorException c && c.retryable())
                .build());
        meters.registerCircuit(ConnectorNames.of(system), circuitBreaker, circuit -> circuit.getState().name());
    }

    private ConnectorHttp(ExternalSystem system, ConnectorHttp shared) {
        this.system = system;
        this.client = shared.client;
        this.retry = shared.retry;
        this.circuitBreaker = shared.circuitBreaker;
        this.meters = shared.meters;
    }

    /**
     * The same client, retry and circuit breaker, reporting failures as {@code other}: one remote system that
     * plays two parts in a return (the ERP posts credit memos and moves stock) fails as one, but is named by part.
     */
    public ConnectorHttp reportingAs(ExternalSystem other) {
        return other == system ? this : new ConnectorHttp(other, this);
    }

    public ExternalSystem system() {
        return system;
    }

    public RestClient client() {
        return client;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    public Retry retry() {
        return retry;
    }

    /** Runs one remote operation with classification, circuit breaker and retries. */
    public <T> T call(String operation, Supplier<T> remoteCall) {
        return call(operation, remoteCall, true);
    }

    /**
     * Runs one attempt of a step's remote operation, with classification and circuit breaker: a retryable failure is
     * reported at once, for the return process to try again later with the same idempotency key.
     */
    public <T> T callOnce(String operation, Supplier<T> remoteCall) {
        return call(operation, remoteCall, false);
    }

    private <T> T call(String operation, Supplier<T> remoteCall, boolean retried) {
        Supplier<T> classified = () -> classify(operation, remoteCall);
        Supplier<T> guarded = () -> {
            try {
                return circuitBreaker.executeSupplier(classified);
            } catch (CallNotPermittedException open) {
                throw new ConnectorException(system, FailureCode.CIRCUIT_OPEN,
                        operation + " not attempted: " + system + " is failing, circuit open", open);
            }
        };
        long start = System.nanoTime();
        String failureCode = null;
        try {
            return retried ? Retry.decorateSupplier(retry, guarded).get() : guarded.get();
        } catch (ConnectorException failure) {
            failureCode = failure.code();
            throw failure;
        } catch (RuntimeException unexpected) {
            failureCode = FailureCode.UNEXPECTED.code();
            throw unexpected;
        } finally {
            meters.recordHttpCall(ConnectorNames.of(system), system.name(), operation, failureCode,
                    System.nanoTime() - start);
        }
    }

    /** An answer that was read but breaks the contract: as useless as garbage, and asking again will not mend it. */
    public ConnectorException malformed(String operation, String detail) {
        return new ConnectorException(system, FailureCode.MALFORMED_RESPONSE, operation + " answered " + detail);
    }

    /** A field the contract promises in an answer: present (and not blank), or {@link #malformed}. */
    public <V> V required(String operation, String field, V value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw malformed(operation, "without " + field);
        }
        return value;
    }

    private <T> T classify(String operation, Supplier<T> remoteCall) {
        try {
            T result = remoteCall.get();
            if (result == null) {
                throw new ConnectorException(system, FailureCode.EMPTY_RESPONSE,
                        operation + " answered without a body");
            }
            return result;
        } catch (HttpClientErrorException.TooManyRequests throttled) {
            throw new ConnectorException(system, FailureCode.THROTTLED, operation + " throttled", throttled);
        } catch (HttpClientErrorException rejected) {
            throw new ConnectorException(system, FailureCode.REJECTED, rejected.getStatusCode().value(),
                    operation + " rejected: " + rejected.getResponseBodyAsString(), rejected);
        } catch (HttpServerErrorException serverError) {
            throw new ConnectorException(system, FailureCode.SERVER_ERROR, serverError.getStatusCode().value(),
                    operation + " failed on the server", serverError);
        } catch (ResourceAccessException unreachable) {
            throw new ConnectorException(system, FailureCode.UNREACHABLE,
                    operation + " timed out or could not connect", unreachable);
        } catch (RestClientException unreadable) {
            if (brokeOffInTransit(unreadable)) {
                throw new ConnectorException(system, FailureCode.UNREACHABLE,
                        operation + " timed out or broke off while answering", unreadable);
            }
            throw new ConnectorException(system, FailureCode.MALFORMED_RESPONSE,
                    operation + " answered something unreadable", unreadable);
        }
    }

    /**
     * The client reads status and body lazily, so a read timeout or a dropped connection can surface as "could not
     * read the answer": an I/O failure underneath is the network's fault, a conversion failure the answer's.
     */
    private static boolean brokeOffInTransit(RestClientException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpMessageNotReadableException) {
                return false;
            }
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
