package io.omnireturns.command.orchestration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.command.RecordFraudAssessment;
import io.omnireturns.api.returns.command.RecordStepFailure;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.fraud.FraudAssessment;
import io.omnireturns.command.connectors.fraud.FraudCheck;
import io.omnireturns.platform.observability.ConnectorMeters;
import io.omnireturns.platform.observability.ConversationCorrelationProvider;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.command.orchestration.process.StepKey;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A step call leaves the event processor's thread; the ids of the event that asked for it go along: into the MDC
 * while the connector is called (the HTTP adapters send them as headers) and onto the outcome command.
 */
class AsyncStepExecutorCorrelationTest {

    private static final String RETURN_ID = "R-1";

    private final CommandGateway commands = mock(CommandGateway.class);
    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private final Map<String, String> mdcDuringCall = new ConcurrentHashMap<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private volatile boolean fraudServiceDown;
    private AsyncStepExecutor executor;

    @AfterEach
    void stop() {
        executor.destroy();
    }

    @Test
    void the_outcome_command_and_the_connector_call_carry_the_ids_of_the_event_that_asked() {
        executor = executor();
        var event = GenericEventMessage.asEventMessage(new ReturnAuthorized(RETURN_ID, List.of()))
                .andMetaData(MetaData.with("correlationId", "corr-7").and("traceId", "trace-7").and("actor", "web-shop"));

        callInsideTheEventsUnitOfWork(event);

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        assertThat(sent.get(0).getPayload()).isInstanceOf(RecordFraudAssessment.class);
        assertThat(sent.get(0).getMetaData())
                .containsEntry("correlationId", "corr-7")
                .containsEntry("traceId", "trace-7")
                .containsEntry("causationId", event.getIdentifier());
        assertThat(mdcDuringCall)
                .containsEntry("correlationId", "corr-7")
                .containsEntry("traceId", "trace-7")
                .containsEntry("actor", "web-shop");
        assertThat(registry.get(ConnectorMeters.CALLS)
                .tags("connector", "fraud", "system", "FRAUD", "step", "FRAUD_CHECK", "outcome", "success")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void a_failed_call_is_reported_with_the_same_ids_and_counted_as_a_failure() {
        executor = executor();
        fraudServiceDown = true;
        var event = GenericEventMessage.asEventMessage(new ReturnAuthorized(RETURN_ID, List.of()))
                .andMetaData(MetaData.with("correlationId", "corr-8").and("traceId", "trace-8"));

        callInsideTheEventsUnitOfWork(event);

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        assertThat(sent.get(0).getPayload()).isInstanceOf(RecordStepFailure.class);
        assertThat(sent.get(0).getMetaData()).containsEntry("correlationId", "corr-8");
        assertThat(registry.get(ConnectorMeters.CALLS).tags("outcome", "failure", "code", "SERVER_ERROR_503")
                .timer().count()).isEqualTo(1);
    }

    private void callInsideTheEventsUnitOfWork(org.axonframework.eventhandling.EventMessage<?> event) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.registerCorrelationDataProvider(new ConversationCorrelationProvider());
        unitOfWork.registerCorrelationDataProvider(message -> Map.of("actor", message.getMetaData().getOrDefault("actor", "")));
        unitOfWork.execute(() -> executor.execute(new StepCall.Fraud(RETURN_ID, StepKey.of(ProcessStep.FRAUD_CHECK), 1,
                new FraudCheck(RETURN_ID, "O-1", "C-1", SalesChannel.WEB, 1, Money.of(1000, "EUR")))));
    }

    private AsyncStepExecutor executor() {
        when(commands.send(any())).thenAnswer(invocation -> {
            sent.add(invocation.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        return new AsyncStepExecutor(commands, check -> {
            mdcDuringCall.putAll(MDC.getCopyOfContextMap());
            if (fraudServiceDown) {
                throw new ConnectorException(ExternalSystem.FRAUD, "SERVER_ERROR_503", "fraud service down", true);
            }
            return new FraudAssessment(10, false, List.of());
        }, null, null, null, null, null, null, null,
                new ProcessProperties(5, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(2),
                        Duration.ofDays(30), Duration.ofDays(5), 2, Duration.ofMinutes(5)), registry);
    }
}
