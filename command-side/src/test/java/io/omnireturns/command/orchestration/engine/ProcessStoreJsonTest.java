package io.omnireturns.command.orchestration.engine;

import io.omnireturns.command.orchestration.ProcessProperties;
import io.omnireturns.command.orchestration.process.ProcessAction;
import io.omnireturns.command.orchestration.process.ProcessTiming;
import io.omnireturns.command.orchestration.process.ReturnProcess;
import io.omnireturns.command.orchestration.process.ReturnStory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A process read back from its row is the process that was written: same state, same decisions. */
class ProcessStoreJsonTest {

    private static final ProcessTiming TIMING = ProcessProperties.defaults().timing();
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");

    @Test
    void a_process_with_a_step_in_flight_reads_back_as_written() {
        ReturnStory story = ReturnStory.mailBack();
        ReturnProcess process = ReturnProcess.of(ReturnStory.RETURN_ID);
        process.apply(story.requested(), 0, NOW);
        process.apply(story.authorized(), 1, NOW);
        List<ProcessAction> started = process.next(NOW, TIMING);

        String json = ProcessStore.write(process);
        ReturnProcess read = ProcessStore.read(json);

        assertThat(started).isNotEmpty();
        assertThat(ProcessStore.write(read)).isEqualTo(json);
        assertThat(read.lastSequence()).isEqualTo(1);
        assertThat(read.nextDue(TIMING)).isEqualTo(process.nextDue(TIMING));
        Instant afterTheLease = NOW.plus(TIMING.lease()).plus(Duration.ofSeconds(1));
        assertThat(read.overdue(afterTheLease, TIMING)).isEqualTo(process.overdue(afterTheLease, TIMING));
        assertThat(read.next(NOW, TIMING)).as("the step in flight is known started").isEmpty();
    }
}
