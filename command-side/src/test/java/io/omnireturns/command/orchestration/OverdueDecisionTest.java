package io.omnireturns.command.orchestration;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.ledger.ReleaseReturnQuantities;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.command.returns.ReturnErrors;
import io.omnireturns.command.orchestration.process.ReturnStory;
import io.omnireturns.command.returns.application.CustomerTrust;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.command.RecordTrustAssessment;
import org.mockito.InOrder;
import java.util.Optional;
import io.omnireturns.command.returns.application.ReturnEligibility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.when;

/**
 * Finishing an overdue eligibility decision, on the events a return recorded: it decides with the recorded order and
 * lines as of when the return was requested, leaves a decided, withdrawn or held return alone, and puts the return on
 * hold when deciding fails.
 */
class OverdueDecisionTest {

    private static final Instant REQUESTED_AT = Instant.parse("2025-06-02T09:00:00Z");

    private final ReturnStory story = ReturnStory.mailBack();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final ReturnEligibility eligibility = mock(ReturnEligibility.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final CustomerTrust trust = mock(CustomerTrust.class);
    private final OverdueDecision overdue = new OverdueDecision(events, eligibility, commands, trust);

    @AfterEach
    void close() {
        events.shutDown();
    }

    @Test
    void a_return_still_requested_is_decided_on_its_recorded_order_and_lines_as_of_its_request() {
        recorded(story.requested());
        ReturnRequested requested = story.requested();
        List<LineDecision> decisions = story.authorized().decisions();
        when(eligibility.decide(RETURN_ID, requested.order(), requested.channel(), requested.storeId(),
                requested.lines(), REQUESTED_AT)).thenReturn(decisions);

        assertThat(overdue.decide(RETURN_ID)).isEqualTo(OverdueDecision.Outcome.DECIDED);

        verify(commands).sendAndWait(new RecordEligibilityDecision(RETURN_ID, decisions));
    }

    @Test
    void the_return_joins_its_customers_history_and_records_its_tier_before_the_decision_is_recorded() {
        recorded(story.requested());
        ReturnRequested requested = story.requested();
        List<LineDecision> decisions = story.authorized().decisions();
        RecordTrustAssessment assessment = new RecordTrustAssessment(RETURN_ID, TrustTier.STANDARD, List.of(), 365,
                0, Money.zero("EUR"), Money.zero("EUR"), 0, 0, 0, 0);
        when(eligibility.decide(any(), any(), any(), any(), any(), any())).thenReturn(decisions);
        when(trust.assess(RETURN_ID, requested.order(), REQUESTED_AT)).thenReturn(Optional.of(assessment));
        when(commands.sendAndWait(any(RecordEligibilityDecision.class))).thenReturn(ReturnStatus.AUTHORIZED);

        assertThat(overdue.decide(RETURN_ID)).isEqualTo(OverdueDecision.Outcome.DECIDED);

        InOrder inOrder = inOrder(trust, commands);
        inOrder.verify(trust).remember(RETURN_ID, requested.order(), decisions, false, REQUESTED_AT);
        inOrder.verify(commands).sendAndWait(assessment);
        inOrder.verify(commands).sendAndWait(new RecordEligibilityDecision(RETURN_ID, decisions));
        verify(trust, never()).forget(any());
    }

    @Test
    void a_return_decided_meanwhile_is_left_alone_and_its_quantities_are_not_reserved_again() {
        recorded(story.requested(), story.authorized());

        assertThat(overdue.decide(RETURN_ID)).isEqualTo(OverdueDecision.Outcome.NOT_AWAITING);

        verifyNoInteractions(eligibility, commands);
    }

    @Test
    void a_cancelled_or_held_return_is_left_alone() {
        recorded(story.requested(), story.putOnHold(HoldReason.MANUAL, ExternalSystem.ORDER, ReturnStatus.REQUESTED));

        assertThat(overdue.decide(RETURN_ID)).isEqualTo(OverdueDecision.Outcome.NOT_AWAITING);

        verifyNoInteractions(eligibility, commands);
    }

    @Test
    void a_return_whose_hold_was_resumed_as_requested_is_decided() {
        recorded(story.requested(), story.putOnHold(HoldReason.DECISION_OVERDUE, ExternalSystem.ORDER,
                ReturnStatus.REQUESTED), story.holdResolved(HoldDecision.RESUME, ReturnStatus.REQUESTED));
        when(eligibility.decide(any(), any(), any(), any(), any(), any())).thenReturn(story.authorized().decisions());

        assertThat(overdue.decide(RETURN_ID)).isEqualTo(OverdueDecision.Outcome.DECIDED);
    }

    @Test
    void a_decision_that_fails_puts_the_return_on_hold_in_the_exception_queue() {
        recorded(story.requested());
        when(eligibility.decide(any(), any(), any(), any(), any(), any()))
                .thenThrow(new IllegalStateException("order ledger unavailable"));

        assertThat(overdue.decide(RETURN_ID)).isEqualTo(OverdueDecision.Outcome.HELD);

        verify(commands).sendAndWait(new RaiseException(RETURN_ID, ProcessStep.DECIDE_ELIGIBILITY,
                OverdueDecision.STEP_KEY, "DECISION_FAILED",
                "eligibility could not be decided: order ledger unavailable", 1));
    }

    @Test
    void a_return_cancelled_while_it_was_being_decided_gives_back_the_quantities_reserved_for_it() {
        recorded(story.requested());
        ReturnRequested requested = story.requested();
        when(eligibility.decide(any(), any(), any(), any(), any(), any())).thenReturn(story.authorized().decisions());
        // the customer cancelled after the history was read: the return refuses the decision, the ledger has reserved
        when(commands.sendAndWait(any(RecordEligibilityDecision.class))).thenThrow(new DomainException(
                ErrorKind.ILLEGAL_STATE, ReturnErrors.RETURN_IS_TERMINAL,
                "cannot decide eligibility of a return that is CANCELLED"));

        assertThat(overdue.decide(RETURN_ID)).isEqualTo(OverdueDecision.Outcome.NOT_AWAITING);

        verify(commands).sendAndWait(new ReleaseReturnQuantities(requested.orderId(), RETURN_ID,
                OrderLedgerReleasePolicy.closingReleaseId(RETURN_ID), Map.of(), "ended before its overdue decision"));
        verify(commands, never()).sendAndWait(any(RaiseException.class));
        verify(trust).forget(RETURN_ID);
    }

    @Test
    void a_return_never_requested_is_left_alone() {
        assertThat(overdue.decide(RETURN_ID)).isEqualTo(OverdueDecision.Outcome.NOT_AWAITING);
        verifyNoInteractions(eligibility, commands);
    }

    private void recorded(Object... payloads) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            messages.add(new GenericDomainEventMessage<>("ReturnAggregate", RETURN_ID, i, payloads[i],
                    MetaData.emptyInstance(), "event-" + i, REQUESTED_AT.plusSeconds(i)));
        }
        events.publish(messages);
    }
}
