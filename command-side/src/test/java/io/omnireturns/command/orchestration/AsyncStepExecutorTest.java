package io.omnireturns.command.orchestration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.command.RecordFraudAssessment;
import io.omnireturns.api.returns.command.RecordStepFailure;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.fraud.FraudAssessment;
import io.omnireturns.command.connectors.fraud.FraudCheck;
import io.omnireturns.command.orchestration.engine.ProcessStore;
import io.omnireturns.command.orchestration.process.StepKey;
import io.omnireturns.platform.observability.ConnectorMeters;
import io.omnireturns.platform.observability.MessageTracing;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * A step call leaves the event processor's thread; the correlation data the engine hands over go along: into the MDC
 * while the connector is called (the HTTP adapters send them as headers) and onto the outcome command. A call asked
 * for with a back-off waits without a thread, and a slow call keeps its lease so no other node takes it over.
 */
class AsyncStepExecutorTest {

    private static final String RETURN_ID = "R-1";
    private static final MetaData ORIGIN = MetaData.with("correlationId", "corr-7").and("traceId", "trace-7")
            .and("actor", "web-shop").and("causationId", "event-7");

    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private final Map<String, String> mdcDuringCall = new ConcurrentHashMap<>();
    private final List<Long> calledAtNanos = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProcessStore leases = mock(ProcessStore.class);
    private volatile boolean fraudServiceDown;
    private volatile CountDownLatch fraudAnswers = new CountDownLatch(0);
    private AsyncStepExecutor executor;

    @AfterEach
    void stop() {
        fraudAnswers.countDown();
        executor.destroy();
    }

    @Test
    void the_outcome_command_and_the_connector_call_carry_the_ids_handed_over_with_the_call() {
        executor = executor(Duration.ofSeconds(10));

        executor.execute(fraudCheck(), Duration.ZERO, ORIGIN);

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        assertThat(sent.get(0).getPayload()).isInstanceOf(RecordFraudAssessment.class);
        assertThat(sent.get(0).getMetaData())
                .containsEntry("correlationId", "corr-7")
                .containsEntry("traceId", "trace-7")
                .containsEntry("causationId", "event-7");
        assertThat(mdcDuringCall)
                .containsEntry("correlationId", "corr-7")
                .containsEntry("traceId", "trace-7")
                .containsEntry("actor", "web-shop");
        assertThat(registry.get(ConnectorMeters.CALLS)
                .tags("connector", "fraud", "system", "FRAUD", "step", "FRAUD_CHECK", "outcome", "success")
                .timer().count()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.callsInFlight() == 0);
    }

    @Test
    void a_failed_call_is_reported_once_with_the_same_ids_and_counted_as_a_failure() {
        executor = executor(Duration.ofSeconds(10));
        fraudServiceDown = true;

        executor.execute(fraudCheck(), Duration.ZERO, ORIGIN);

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        assertThat(sent.get(0).getPayload()).isInstanceOfSatisfying(RecordStepFailure.class, failure -> {
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.attempt()).isEqualTo(1);
        });
        assertThat(sent.get(0).getMetaData()).containsEntry("correlationId", "corr-7");
        assertThat(calledAtNanos).as("the process, not the executor, tries again").hasSize(1);
        assertThat(registry.get(ConnectorMeters.CALLS).tags("outcome", "failure", "code", "SERVER_ERROR_503")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void a_call_asked_for_with_a_backoff_is_made_only_once_the_backoff_has_passed() {
        executor = executor(Duration.ofSeconds(10));
        long asked = System.nanoTime();

        executor.execute(fraudCheck(), Duration.ofMillis(300), ORIGIN);

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        assertThat(calledAtNanos.get(0) - asked).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void a_slow_call_has_its_lease_renewed_while_it_is_in_flight() {
        executor = executor(Duration.ofMillis(300));
        fraudAnswers = new CountDownLatch(1);

        executor.execute(fraudCheck(), Duration.ZERO, ORIGIN);

        verify(leases, timeout(5_000).atLeast(2)).renewLeases(argThat(ids -> ids.contains(RETURN_ID)),
                eq(Duration.ofMillis(300)));
        fraudAnswers.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.callsInFlight() == 0 && sent.size() == 1);
    }

    private static StepCall fraudCheck() {
        return new StepCall.Fraud(RETURN_ID, StepKey.of(ProcessStep.FRAUD_CHECK), 1,
                new FraudCheck(RETURN_ID, "O-1", "C-1", SalesChannel.WEB, 1, Money.of(1000, "EUR")));
    }

    private AsyncStepExecutor executor(Duration lease) {
        OutcomeRecorder outcomes = command -> {
            sent.add(command);
            return CompletableFuture.completedFuture(null);
        };
        ProcessProperties d = ProcessProperties.defaults();
        ProcessProperties properties = new ProcessProperties(d.stepMaxAttempts(), d.stepRetryBackoff(),
                d.stepRetryMaxBackoff(), lease, d.sweepInterval(), d.recheck(), d.sweepBatch(), d.receiptExpiry(),
                d.settlementSla(), 2, d.decisionTimeout(), d.cacheSize());
        return new AsyncStepExecutor(outcomes, check -> {
            calledAtNanos.add(System.nanoTime());
            mdcDuringCall.putAll(MDC.getCopyOfContextMap());
            awaitAnswer();
            if (fraudServiceDown) {
                throw new ConnectorException(ExternalSystem.FRAUD, FailureCode.SERVER_ERROR, 503,
                        "fraud service down", null);
            }
            return new FraudAssessment(10, false, List.of());
        }, null, null, null, null, null, null, null, null, leases, properties, Clock.systemUTC(), registry,
                MessageTracing.off());
    }

    private void awaitAnswer() {
        try {
            fraudAnswers.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
