package io.omnireturns.command.orchestration;

import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.omnireturns.command.orchestration.ReturnProcessSaga.REFUNDED;
import static io.omnireturns.command.orchestration.ReturnProcessSaga.RECEIVED;
import static io.omnireturns.command.orchestration.ReturnProcessSaga.LABEL_ISSUED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The saga store keeps the process as JSON through Axon's Jackson serializer with the stored-format
 * ObjectMapper: a process read back mid-flight must carry on exactly as the one that was written.
 * The handlers are called directly here (no unit of work, so step calls leave at once).
 */
class ReturnProcessSagaStateTest {

    private static final ProcessProperties SETTINGS = new ProcessProperties(5, Duration.ofSeconds(2),
            Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofDays(30), Duration.ofDays(5), 4, Duration.ofMinutes(5));

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(AxonInfrastructureConfiguration.storageObjectMapper())
            .build();
    private final ReturnStory story = ReturnStory.mailBack();
    private final RecordingStepExecutor steps = new RecordingStepExecutor();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final DeadlineManager deadlines = deadlineManagerAnsweringIds();

    @Test
    void a_process_read_back_while_its_refund_is_in_flight_carries_on_as_the_one_written() {
        ReturnProcessSaga written = processWaitingForTheGateway();

        ReturnProcessSaga readBack = readBack(written);
        steps.forget();
        written.on(story.refundIssued(), commands, steps, deadlines, SETTINGS);
        var callsOfWritten = steps.calls();
        steps.forget();
        readBack.on(story.refundIssued(), commands, steps, deadlines, SETTINGS);

        assertThat(callsOfWritten).isNotEmpty();
        assertThat(steps.calls()).containsExactlyInAnyOrderElementsOf(callsOfWritten);
    }

    @Test
    void a_process_written_twice_reads_the_same() {
        ReturnProcessSaga written = processWaitingForTheGateway();

        String once = json(written);
        String twice = json(readBack(written));

        assertThat(twice).isEqualTo(once);
    }

    /** Requested, authorized, labelled, received, inspected, approved; refund requested from the gateway. */
    private ReturnProcessSaga processWaitingForTheGateway() {
        ReturnProcessSaga saga = new ReturnProcessSaga();
        saga.on(story.requested(), deadlines, SETTINGS);
        saga.on(story.authorized(), steps, deadlines, SETTINGS);
        saga.on(story.fraudCleared(), steps, deadlines, SETTINGS);
        saga.on(story.labelIssued(), steps, deadlines, SETTINGS);
        saga.on(story.warehouseAdvised(), deadlines);
        saga.on(story.notified(LABEL_ISSUED), commands, deadlines);
        saga.on(story.itemsReceived(), steps, deadlines, SETTINGS);
        saga.on(story.notified(RECEIVED), commands, deadlines);
        saga.on(story.linesInspected());
        saga.on(story.inspectionCompleted(), commands);
        saga.on(story.refundApproved(), commands, steps, deadlines, SETTINGS);
        saga.on(story.refundRequested(), steps, deadlines, SETTINGS);
        assertThat(steps.stepKeys()).contains(StepKeys.REFUND_PAYMENT).doesNotContain("NOTIFY_CUSTOMER:" + REFUNDED);
        return saga;
    }

    private ReturnProcessSaga readBack(ReturnProcessSaga saga) {
        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        return serializer.deserialize(stored);
    }

    private String json(ReturnProcessSaga saga) {
        return serializer.serialize(saga, String.class).getData();
    }

    private static DeadlineManager deadlineManagerAnsweringIds() {
        AtomicInteger ids = new AtomicInteger();
        return mock(DeadlineManager.class, invocation ->
                invocation.getMethod().getReturnType() == String.class ? "deadline-" + ids.incrementAndGet() : null);
    }
}
