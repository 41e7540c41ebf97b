package io.omnireturns.command.outcomes;

import io.omnireturns.command.config.AggregateLocks;
import io.omnireturns.command.config.EventStoreWakeUp;
import io.omnireturns.command.orchestration.OutcomeRecorder;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The engine's switch picks the recorder: grouped when optimised, one command a transaction for the yardstick. */
class OutcomeRecordingConfigurationTest {

    private final CommandGateway gateway = mock(CommandGateway.class);

    @Test
    void withTheEngineNotOptimisedEveryOutcomeGoesThroughTheGatewayOnItsOwn() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("an outcome");
        CompletableFuture<Object> sent = CompletableFuture.completedFuture("recorded");
        when(gateway.send(command)).thenReturn(sent);

        OutcomeRecorder recorder = recorder(false);

        assertThat(recorder).isInstanceOf(PlainOutcomeRecorder.class);
        assertThat(recorder.record(command)).isCompletedWithValue("recorded");
    }

    @Test
    void withTheEngineOptimisedOutcomesAreGrouped() throws Exception {
        OutcomeRecorder recorder = recorder(true);

        assertThat(recorder).isInstanceOf(GroupingOutcomeRecorder.class);
        ((GroupingOutcomeRecorder) recorder).close();
    }

    private OutcomeRecorder recorder(boolean optimised) {
        return new OutcomeRecordingConfiguration().outcomeRecorder(optimised, 32, mock(CommandBus.class), gateway,
                new AggregateLocks(), mock(EventStoreWakeUp.class), mock(PlatformTransactionManager.class));
    }
}
