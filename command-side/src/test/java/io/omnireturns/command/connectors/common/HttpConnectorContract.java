package io.omnireturns.command.connectors.common;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.omnireturns.api.returns.ExternalSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What every HTTP adapter must do, whatever system it speaks to: send its credentials and idempotency key, take
 * a business "no" at once, retry what may pass (5xx, 429, timeouts) within the retry budget when it is a lookup and
 * report it at once, retryable, when it is a step of the return process (a POST: the process is its one retry owner),
 * refuse an answer that breaks the contract, and stop calling a failing system once its circuit opens. A subclass names its
 * operations (how to invoke each once, where it goes, what a good answer looks like) and tests its own mapping;
 * every scenario here runs for every operation, against a WireMock server started once per test class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpConnectorContract {

    protected static final String API_KEY = "test-api-key";
    protected static final int MAX_ATTEMPTS = 3;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(150);
    private static final int SLOWER_THAN_SHORT_READ_TIMEOUT_MS = 1_000;

    protected WireMockServer wireMock;
    /** A fresh client per test, so no test inherits another's circuit-breaker state. */
    protected ConnectorHttp http;

    /** One remote operation of the adapter under test, invoked once per call of {@code invocation}. */
    public record RemoteOperation(String name, ExternalSystem reportedAs, RequestMethod method, String path,
                                  String idempotencyKey, String successBody,
                                  Function<ConnectorHttp, Object> invocation) {

        public static RemoteOperation post(String name, ExternalSystem reportedAs, String path, String idempotencyKey,
                                           String successBody, Function<ConnectorHttp, Object> invocation) {
            return new RemoteOperation(name, reportedAs, RequestMethod.POST, path, idempotencyKey, successBody,
                    invocation);
        }

        /** A read: no body sent, no idempotency key. */
        public static RemoteOperation get(String name, ExternalSystem reportedAs, String path, String successBody,
                                          Function<ConnectorHttp, Object> invocation) {
            return new RemoteOperation(name, reportedAs, RequestMethod.GET, path, null, successBody, invocation);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The adapter's operations; every contract scenario runs once for each. */
    protected abstract List<RemoteOperation> operations();

    /** Reads a request waits for: the client retries them. */
    protected List<RemoteOperation> lookups() {
        return operations().stream().filter(operation -> operation.method() == RequestMethod.GET).toList();
    }

    /** Steps of the return process: one call per attempt, the process retries. */
    protected List<RemoteOperation> steps() {
        return operations().stream().filter(operation -> operation.method() != RequestMethod.GET).toList();
    }

    /** How many requests one invocation makes against a system that keeps failing retryably. */
    protected static int attemptsOf(RemoteOperation operation) {
        return operation.method() == RequestMethod.GET ? MAX_ATTEMPTS : 1;
    }

    /** The system the test client is built for (as the connector configuration will build it). */
    protected abstract ExternalSystem system();

    @BeforeAll
    void startWireMock() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
    }

    @AfterAll
    void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void freshServerAndClient() {
        wireMock.resetAll();
        http = connectorHttp(READ_TIMEOUT);
    }

    protected ConnectorHttp connectorHttp(Duration readTimeout) {
        ConnectorSettings settings = new ConnectorSettings("http", wireMock.baseUrl(), API_KEY,
                Duration.ofSeconds(1), readTimeout,
                new ConnectorSettings.Retry(MAX_ATTEMPTS, Duration.ofMillis(10), 2.0, 0.5),
                // opens once one call has used up its retries against a failing system
                new ConnectorSettings.CircuitBreaker(50, MAX_ATTEMPTS, MAX_ATTEMPTS, Duration.ofMinutes(1)),
                ConnectorSettings.defaults().sandbox());
        return new ConnectorHttp(system(), settings, RestClient.builder());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void sends_the_bearer_token_and_the_idempotency_key(RemoteOperation operation) {
        answer(operation, okJson(operation.successBody()));

        Object result = operation.invocation().apply(http);

        assertThat(result).isNotNull();
        RequestPatternBuilder sent = requestTo(operation)
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader(ConnectorHttp.IDEMPOTENCY_KEY,
                        operation.idempotencyKey() == null ? absent() : equalTo(operation.idempotencyKey()));
        if (operation.method() == RequestMethod.POST) {
            sent.withHeader("Content-Type", equalTo("application/json"));
        }
        wireMock.verify(1, sent);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void a_business_rejection_fails_at_once_without_a_retry(RemoteOperation operation) {
        answer(operation, status(422).withBody("{\"error\":\"not allowed\"}"));

        ConnectorException failure = failureOf(operation);

        assertThat(failure.code()).isEqualTo("REJECTED_422");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.system()).isEqualTo(operation.reportedAs());
        assertThat(failure.getMessage()).contains("not allowed");
        wireMock.verify(1, requestTo(operation));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("lookups")
    void a_server_error_of_a_lookup_is_retried_until_the_system_answers(RemoteOperation operation) {
        answerInTurn(operation, status(503), status(503), okJson(operation.successBody()));

        Object result = operation.invocation().apply(http);

        assertThat(result).isNotNull();
        wireMock.verify(3, requestTo(operation));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("lookups")
    void throttling_of_a_lookup_is_retried(RemoteOperation operation) {
        answerInTurn(operation, status(429), okJson(operation.successBody()));

        assertThat(operation.invocation().apply(http)).isNotNull();
        wireMock.verify(2, requestTo(operation));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("steps")
    void a_server_error_of_a_step_is_reported_at_once_for_the_process_to_try_again(RemoteOperation operation) {
        answerInTurn(operation, status(503), okJson(operation.successBody()));

        ConnectorException failure = failureOf(operation);

        assertThat(failure.code()).isEqualTo("SERVER_ERROR_503");
        assertThat(failure.retryable()).isTrue();
        wireMock.verify(1, requestTo(operation));
        assertThat(operation.invocation().apply(http)).as("the process's next attempt").isNotNull();
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("steps")
    void throttling_of_a_step_is_reported_at_once_for_the_process_to_try_again(RemoteOperation operation) {
        answer(operation, status(429));

        ConnectorException failure = failureOf(operation);

        assertThat(failure.code()).isEqualTo("THROTTLED");
        assertThat(failure.retryable()).isTrue();
        wireMock.verify(1, requestTo(operation));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void a_system_too_slow_to_answer_is_unreachable_after_every_attempt(RemoteOperation operation) {
        http = connectorHttp(SHORT_READ_TIMEOUT);
        answer(operation, okJson(operation.successBody()).withFixedDelay(SLOWER_THAN_SHORT_READ_TIMEOUT_MS));

        ConnectorException failure = failureOf(operation);

        assertThat(failure.code()).isEqualTo("UNREACHABLE");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.system()).isEqualTo(operation.reportedAs());
        wireMock.verify(attemptsOf(operation), requestTo(operation));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void an_unreadable_answer_is_malformed_and_not_retried(RemoteOperation operation) {
        answer(operation, okJson("{\"this is\": not json"));

        ConnectorException failure = failureOf(operation);

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.retryable()).isFalse();
        wireMock.verify(1, requestTo(operation));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void an_answer_without_the_promised_fields_is_malformed_and_not_retried(RemoteOperation operation) {
        answer(operation, okJson("{}"));

        ConnectorException failure = failureOf(operation);

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.system()).isEqualTo(operation.reportedAs());
        wireMock.verify(1, requestTo(operation));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void a_failing_system_opens_the_circuit_and_is_then_left_alone(RemoteOperation operation) {
        answer(operation, status(503));

        ConnectorException exhausted = failureOf(operation);
        for (int attempt = attemptsOf(operation); attempt < MAX_ATTEMPTS; attempt++) {
            exhausted = failureOf(operation); // the process's attempts of a step
        }
        ConnectorException shortCircuited = failureOf(operation);

        assertThat(exhausted.code()).isEqualTo("SERVER_ERROR_503");
        assertThat(shortCircuited.code()).isEqualTo("CIRCUIT_OPEN");
        assertThat(shortCircuited.retryable()).isTrue();
        assertThat(shortCircuited.system()).isEqualTo(operation.reportedAs());
        wireMock.verify(MAX_ATTEMPTS, requestTo(operation));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void business_rejections_do_not_open_the_circuit(RemoteOperation operation) {
        answer(operation, status(409));
        int calls = MAX_ATTEMPTS * 2;

        for (int i = 0; i < calls; i++) {
            assertThat(failureOf(operation).code()).isEqualTo("REJECTED_409");
        }

        wireMock.verify(calls, requestTo(operation));
    }

    protected ConnectorException failureOf(RemoteOperation operation) {
        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> operation.invocation().apply(http));
        assertThat(failure).as("%s should fail with a ConnectorException", operation).isNotNull();
        return failure;
    }

    protected void answer(RemoteOperation operation, ResponseDefinitionBuilder response) {
        wireMock.stubFor(stubFor(operation).willReturn(response));
    }

    /** Answers each request with the next response; the last one stays. */
    protected void answerInTurn(RemoteOperation operation, ResponseDefinitionBuilder... responses) {
        String state = STARTED;
        for (int i = 0; i < responses.length; i++) {
            ScenarioMappingBuilder stub = stubFor(operation).inScenario(operation.name()).whenScenarioStateIs(state)
                    .willReturn(responses[i]);
            if (i < responses.length - 1) {
                state = "answer " + (i + 2);
                stub.willSetStateTo(state);
            }
            wireMock.stubFor(stub);
        }
    }

    private static MappingBuilder stubFor(RemoteOperation operation) {
        return request(operation.method().getName(), urlPathEqualTo(operation.path()));
    }

    protected static RequestPatternBuilder requestTo(RemoteOperation operation) {
        return RequestPatternBuilder.newRequestPattern(operation.method(), urlPathEqualTo(operation.path()));
    }
}
