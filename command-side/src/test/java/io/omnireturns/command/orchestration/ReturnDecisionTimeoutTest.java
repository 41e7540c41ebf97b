package io.omnireturns.command.orchestration;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReturnStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.omnireturns.command.orchestration.ReturnProcessSaga.DECISION_TIMEOUT;
import static io.omnireturns.command.orchestration.ReturnStory.RETURN_ID;
import static io.omnireturns.command.orchestration.ReturnStory.events;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The process's part in the decision time-out: a return is requested under a persistent deadline that the decision
 * cancels; when it fires first, {@link OverdueDecision} finishes the decision (tested on its own in
 * {@link OverdueDecisionTest}), and a retry or resume of the resulting hold decides again.
 */
class ReturnDecisionTimeoutTest {

    private static final Duration DECISION_TIMEOUT_AFTER = Duration.ofMinutes(5);
    private static final ProcessProperties SETTINGS = new ProcessProperties(5, Duration.ofSeconds(2),
            Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofDays(30), Duration.ofDays(5), 4,
            DECISION_TIMEOUT_AFTER);

    private final ReturnStory story = ReturnStory.mailBack();
    private final OverdueDecision decision = mock(OverdueDecision.class);
    private SagaTestFixture<ReturnProcessSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ReturnProcessSaga.class);
        fixture.registerResource(new RecordingStepExecutor());
        fixture.registerResource(SETTINGS);
        fixture.registerResource(decision);
        fixture.registerListenerInvocationErrorHandler(PropagatingErrorHandler.instance());
    }

    @Test
    void a_requested_return_waits_for_its_decision_under_the_decision_timeout() {
        fixture.givenNoPriorActivity()
                .whenAggregate(RETURN_ID).publishes(story.requested())
                .expectScheduledDeadlineWithName(DECISION_TIMEOUT_AFTER, DECISION_TIMEOUT);
    }

    @Test
    void a_return_still_undecided_when_the_timeout_fires_is_decided_by_the_process() {
        fixture.givenAggregate(RETURN_ID).published(story.requested())
                .whenTimeElapses(DECISION_TIMEOUT_AFTER)
                .expectTriggeredDeadlinesWithName(DECISION_TIMEOUT)
                .expectNoScheduledDeadlines();
        verify(decision).decide(RETURN_ID);
    }

    @Test
    void an_authorization_cancels_the_decision_timeout() {
        fixture.givenAggregate(RETURN_ID).published(story.requested())
                .whenAggregate(RETURN_ID).publishes(story.authorized())
                .expectNoScheduledDeadlineWithName(DECISION_TIMEOUT_AFTER, DECISION_TIMEOUT);
        fixture.whenTimeElapses(DECISION_TIMEOUT_AFTER);
        verifyNoInteractions(decision);
    }

    @Test
    void a_rejection_cancels_the_decision_timeout() {
        fixture.givenAggregate(RETURN_ID).published(story.requested())
                .whenAggregate(RETURN_ID).publishes(story.rejected())
                .expectNoScheduledDeadlineWithName(DECISION_TIMEOUT_AFTER, DECISION_TIMEOUT);
        fixture.whenTimeElapses(DECISION_TIMEOUT_AFTER);
        verifyNoInteractions(decision);
    }

    @Test
    void a_requested_return_rejected_on_hold_ends_its_process_without_a_decision_timeout_left_behind() {
        fixture.givenAggregate(RETURN_ID).published(story.requested(),
                        story.putOnHold(HoldReason.MANUAL, ExternalSystem.ORDER, ReturnStatus.REQUESTED),
                        story.holdResolved(HoldDecision.REJECT, ReturnStatus.REJECTED))
                .whenAggregate(RETURN_ID).publishes(story.notified("REJECTED"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlineWithName(DECISION_TIMEOUT_AFTER, DECISION_TIMEOUT);
    }

    @Test
    void a_retry_of_the_overdue_decision_from_the_exception_queue_decides_again() {
        fixture.givenAggregate(RETURN_ID).published(events(story.requested(),
                        story.exceptionRaised(ProcessStep.DECIDE_ELIGIBILITY, OverdueDecision.STEP_KEY, "DECISION_FAILED", 1),
                        story.putOnHold(io.omnireturns.api.returns.HoldReason.DECISION_OVERDUE,
                                io.omnireturns.api.returns.ExternalSystem.ORDER, ReturnStatus.REQUESTED)))
                .whenAggregate(RETURN_ID).publishes(
                        story.exceptionResolved(ProcessStep.DECIDE_ELIGIBILITY, OverdueDecision.STEP_KEY, "RETRY"))
                .expectNoDispatchedCommands();
        verify(decision).decide(RETURN_ID);
    }

    @Test
    void a_hold_on_an_overdue_decision_resolved_by_rejecting_decides_nothing() {
        fixture.givenAggregate(RETURN_ID).published(story.requested())
                .whenAggregate(RETURN_ID).publishes(story.exceptionResolved(ProcessStep.DECIDE_ELIGIBILITY,
                        OverdueDecision.STEP_KEY, HoldDecision.REJECT.name()));
        verify(decision, never()).decide(RETURN_ID);
    }
}
