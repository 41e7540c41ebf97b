package io.omnireturns.command.orchestration;

import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.platform.observability.ConversationCorrelationProvider;
import io.omnireturns.platform.observability.DeadlineTrailInterceptor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.omnireturns.command.orchestration.ReturnStory.RETURN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What a deadline causes keeps the trail of the conversation that started the work: the correlation id and trace of
 * the request, the system as actor and {@code omnireturns} as source system, and which deadline it was. Checked on
 * the step call of a retried step (the step executor puts that unit of work's correlation data on the outcome
 * command, see {@link AsyncStepExecutorCorrelationTest}), on a command a timed-out step sends, on the work of the
 * decision time-out, and on the commands of the receipt expiry and the settlement SLA. The event handlers and deadline handlers run with the application's correlation data
 * providers, as on the real processors and deadline manager.
 */
class DeadlineTrailTest {

    private static final Map<String, Object> REQUEST = Map.of("correlationId", "checkout-4711",
            "traceId", "0af7651916cd43dd8448eb211c80319c", "actor", "web-shop", "sourceSystem", "api");
    private static final List<CorrelationDataProvider> PROVIDERS = List.of(new ConversationCorrelationProvider(),
            new SimpleCorrelationDataProvider("actor", "sourceSystem"));

    private final ReturnStory story = ReturnStory.mailBack();
    private final List<Map<String, Object>> stepCallTrails = new ArrayList<>();
    private final List<StepCall> stepCalls = new ArrayList<>();
    private final OverdueDecision decision = mock(OverdueDecision.class);
    private final List<Map<String, Object>> decisionTrails = new ArrayList<>();

    private SagaTestFixture<ReturnProcessSaga> fixture(int stepMaxAttempts) {
        SagaTestFixture<ReturnProcessSaga> fixture = new SagaTestFixture<>(ReturnProcessSaga.class);
        fixture.registerResource((StepExecutor) call -> {
            stepCalls.add(call);
            stepCallTrails.add(Map.copyOf(CurrentUnitOfWork.get().getCorrelationData()));
        });
        fixture.registerResource(new ProcessProperties(stepMaxAttempts, Duration.ofSeconds(2), Duration.ofMinutes(5),
                Duration.ofMinutes(2), Duration.ofDays(30), Duration.ofDays(5), 4, Duration.ofMinutes(5)));
        fixture.registerResource(decision);
        fixture.registerStartRecordingCallback(() -> {
            stepCalls.clear();
            stepCallTrails.clear();
        });
        when(decision.decide(any())).thenAnswer(invocation -> {
            decisionTrails.add(Map.copyOf(CurrentUnitOfWork.get().getCorrelationData()));
            return OverdueDecision.Outcome.DECIDED;
        });
        fixture.registerListenerInvocationErrorHandler(PropagatingErrorHandler.instance());
        fixture.registerEventHandlerInterceptor(new CorrelationDataInterceptor<>(PROVIDERS));
        fixture.registerDeadlineHandlerInterceptor(new DeadlineTrailInterceptor(() -> PROVIDERS));
        return fixture;
    }

    @Test
    void a_retried_step_is_called_by_the_system_in_the_conversation_of_the_request_that_started_it() {
        fixture(5).givenAggregate(RETURN_ID).published(fromTheRequest(story.requested(), story.authorized(),
                        story.stepFailed(StepKeys.FRAUD_CHECK, "SERVER_ERROR_503", true, 1)))
                .whenTimeElapses(Duration.ofSeconds(2));

        assertThat(stepCalls).singleElement().satisfies(call -> assertThat(call.attempt()).isEqualTo(2));
        assertThat(stepCallTrails.get(0))
                .containsEntry("actor", "system")
                .containsEntry("sourceSystem", "omnireturns")
                .containsEntry("correlationId", "checkout-4711")
                .containsEntry("traceId", "0af7651916cd43dd8448eb211c80319c")
                .containsEntry("trigger", "deadline:step-retry")
                .containsKey("causationId");
    }

    @Test
    void a_step_that_times_out_for_the_last_time_is_escalated_by_the_system_in_the_requests_conversation() {
        fixture(1).givenAggregate(RETURN_ID).published(fromTheRequest(story.requested(), story.authorized()))
                .whenTimeElapses(Duration.ofMinutes(2))
                .expectDispatchedCommandsMatching(new TypeSafeMatcher<List<CommandMessage<?>>>() {
                    @Override
                    protected boolean matchesSafely(List<CommandMessage<?>> commands) {
                        if (commands.size() != 1) {
                            return false;
                        }
                        CommandMessage<?> command = commands.get(0);
                        return command.getPayload() instanceof RaiseException
                                && "system".equals(command.getMetaData().get("actor"))
                                && "omnireturns".equals(command.getMetaData().get("sourceSystem"))
                                && "checkout-4711".equals(command.getMetaData().get("correlationId"))
                                && "deadline:step-timeout".equals(command.getMetaData().get("trigger"));
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("one RaiseException sent by the system in conversation checkout-4711");
                    }
                });
    }

    @Test
    void an_overdue_decision_is_finished_by_the_system_in_the_conversation_of_the_request() {
        fixture(5).givenAggregate(RETURN_ID).published(fromTheRequest(story.requested()))
                .whenTimeElapses(Duration.ofMinutes(5));

        assertThat(decisionTrails).singleElement().satisfies(trail -> assertThat(trail)
                .containsEntry("actor", "system")
                .containsEntry("sourceSystem", "omnireturns")
                .containsEntry("correlationId", "checkout-4711")
                .containsEntry("trigger", "deadline:decision-timeout"));
    }

    @Test
    void a_parcel_that_never_arrives_is_expired_by_the_system_in_the_conversation_of_the_request() {
        fixture(5).givenAggregate(RETURN_ID).published(fromTheRequest(story.upToParcelExpected()))
                .whenTimeElapses(Duration.ofDays(30))
                .expectTriggeredDeadlinesWithName(ReturnProcessSaga.RECEIPT_EXPIRY)
                .expectDispatchedCommandsMatching(sentBySystemInTheRequestsConversation(
                        ExpireReturn.class::isInstance, "deadline:receipt-expiry", "ExpireReturn"));
    }

    @Test
    void a_refund_left_unsettled_is_escalated_by_the_system_in_the_conversation_of_the_request() {
        fixture(5).givenAggregate(RETURN_ID).published(fromTheRequest(story.upToRefundIssue()))
                .whenTimeElapses(Duration.ofDays(5))
                .expectDispatchedCommandsMatching(sentBySystemInTheRequestsConversation(
                        payload -> payload instanceof RaiseException raised
                                && "SETTLEMENT_OVERDUE".equals(raised.failureCode()),
                        "deadline:settlement-sla", "RaiseException SETTLEMENT_OVERDUE"));
    }

    /** At least one command matching {@code payload} was sent, and every one of them in the request's trail. */
    private static TypeSafeMatcher<List<CommandMessage<?>>> sentBySystemInTheRequestsConversation(
            Predicate<Object> payload, String trigger, String description) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<CommandMessage<?>> commands) {
                List<CommandMessage<?>> matching = commands.stream()
                        .filter(command -> payload.test(command.getPayload())).toList();
                return !matching.isEmpty() && matching.stream().allMatch(command ->
                        "system".equals(command.getMetaData().get("actor"))
                                && "omnireturns".equals(command.getMetaData().get("sourceSystem"))
                                && "checkout-4711".equals(command.getMetaData().get("correlationId"))
                                && trigger.equals(command.getMetaData().get("trigger")));
            }

            @Override
            public void describeTo(Description text) {
                text.appendText(description + " sent by the system in conversation checkout-4711 (" + trigger + ")");
            }
        };
    }

    private static Object[] fromTheRequest(Object... payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            messages.add(GenericEventMessage.asEventMessage(payload).andMetaData(MetaData.from(REQUEST)));
        }
        return messages.toArray();
    }
}
