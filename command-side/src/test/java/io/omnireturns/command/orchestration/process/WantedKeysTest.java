package io.omnireturns.command.orchestration.process;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the flow wants, read without changing the process: the engine compares it before and after each event to know
 * which event made a step wanted, so the step's command carries that event's trace and actor.
 */
class WantedKeysTest {

    private final ReturnStory story = ReturnStory.mailBack();

    @Test
    void theCompletedInspectionIsWhatMakesTheRefundDecisionWanted() {
        ReturnProcess process = folded(story.upToReceipt(), story.linesInspected());
        assertThat(process.wantedKeys()).doesNotContain(ProcessTask.REFUND_DECISION);

        fold(process, story.inspectionCompleted());

        assertThat(process.wantedKeys()).contains(ProcessTask.REFUND_DECISION);
    }

    @Test
    void readingWhatIsWantedStartsNothing() {
        ReturnProcess process = folded(story.upToReceipt(), story.linesInspected(), story.inspectionCompleted());

        process.wantedKeys();
        process.wantedKeys();

        assertThat(process.next(ReturnStory.NOW, ProcessRun.TIMING)).extracting(ProcessAction::servedKey)
                .containsExactly(java.util.Optional.of(ProcessTask.REFUND_DECISION));
    }

    private ReturnProcess folded(Object... events) {
        ReturnProcess process = ReturnProcess.of(ReturnStory.RETURN_ID);
        for (Object event : ReturnStory.events(events)) {
            fold(process, event);
        }
        return process;
    }

    private long sequence;

    private void fold(ReturnProcess process, Object event) {
        process.apply(event, sequence++, Instant.parse("2026-03-02T10:00:00Z"));
    }
}
