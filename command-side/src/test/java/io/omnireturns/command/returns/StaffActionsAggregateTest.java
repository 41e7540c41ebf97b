package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.PolicyOverride;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.AddReturnNote;
import io.omnireturns.api.returns.command.DeclineReturn;
import io.omnireturns.api.returns.command.GrantGoodwill;
import io.omnireturns.api.returns.command.PutReturnOnHold;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.GoodwillGranted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnDeclined;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.security.AccessScope;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnFixtures.ORDER_ID;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.returnFixture;
import static io.omnireturns.command.returns.ReturnFixtures.then;

/** What a person decides on a return by hand: manual hold, decline, goodwill and notes, each allowed or refused. */
class StaffActionsAggregateTest {

    private static final String AGENT = "service-agent";

    private static final OrderSnapshot ORDER = anOrder()
            .withLine("L1", 2, 5000, 2000)
            .paidWith("T1", TenderType.CARD, 14000)
            .build();

    private AggregateTestFixture<ReturnAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = returnFixture();
    }

    @Nested
    class ManualHold {

        @Test
        void a_person_puts_an_authorized_return_on_hold_with_a_reason() {
            fixture.given(authorized())
                    .when(new PutReturnOnHold(RETURN_ID, HoldReason.MANUAL, null, "customer disputes the item"))
                    .expectEvents(new ReturnPutOnHold(RETURN_ID, HoldReason.MANUAL, null, "customer disputes the item",
                            ReturnStatus.AUTHORIZED))
                    .expectResultMessagePayload(ReturnStatus.ON_HOLD);
        }

        @Test
        void a_return_on_hold_already_is_not_held_twice() {
            fixture.given(held(authorized(), ReturnStatus.AUTHORIZED))
                    .when(new PutReturnOnHold(RETURN_ID, HoldReason.MANUAL, null, "again"))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_ALREADY_ON_HOLD));
        }
    }

    @Nested
    class Decline {

        @Test
        void an_authorized_return_is_declined_with_its_reason_code_and_ends_rejected() {
            fixture.given(authorized())
                    .when(decline(DeclineReason.NOT_RETURNABLE, null))
                    .expectEvents(new ReturnDeclined(RETURN_ID, ORDER_ID, DeclineReason.NOT_RETURNABLE, null, AGENT,
                            ReturnStatus.AUTHORIZED))
                    .expectResultMessagePayload(ReturnStatus.REJECTED);
        }

        @Test
        void a_requested_return_not_yet_decided_may_be_declined() {
            fixture.given(requested())
                    .when(decline(DeclineReason.SUSPECTED_FRAUD, null))
                    .expectEvents(new ReturnDeclined(RETURN_ID, ORDER_ID, DeclineReason.SUSPECTED_FRAUD, null, AGENT,
                            ReturnStatus.REQUESTED));
        }

        @Test
        void an_inspected_return_whose_refund_is_not_decided_may_be_declined() {
            fixture.given(inspected())
                    .when(decline(DeclineReason.DAMAGED_BY_CUSTOMER, "water damage"))
                    .expectEvents(new ReturnDeclined(RETURN_ID, ORDER_ID, DeclineReason.DAMAGED_BY_CUSTOMER,
                            "water damage", AGENT, ReturnStatus.INSPECTED));
        }

        @Test
        void declining_a_held_return_resolves_its_open_exceptions_first() {
            ExceptionRaised raised = new ExceptionRaised(RETURN_ID, "EX-RET-1-1", ProcessStep.ISSUE_LABEL, "ISSUE_LABEL",
                    ExternalSystem.CARRIER, "TIMEOUT", "no answer", 5);
            fixture.given(then(authorized(), raised, new ReturnPutOnHold(RETURN_ID, HoldReason.INTEGRATION_FAILURE,
                            ExternalSystem.CARRIER, "failed", ReturnStatus.AUTHORIZED)))
                    .when(decline(DeclineReason.OUTSIDE_RETURN_WINDOW, null))
                    .expectEvents(new ExceptionResolved(RETURN_ID, "EX-RET-1-1", ProcessStep.ISSUE_LABEL, "ISSUE_LABEL",
                                    "DECLINE", AGENT),
                            new ReturnDeclined(RETURN_ID, ORDER_ID, DeclineReason.OUTSIDE_RETURN_WINDOW, null, AGENT,
                                    ReturnStatus.ON_HOLD))
                    .expectResultMessagePayload(ReturnStatus.REJECTED);
        }

        @Test
        void other_needs_a_note() {
            fixture.given(authorized())
                    .when(decline(DeclineReason.OTHER, " "))
                    .expectNoEvents()
                    .expectException(refusal(NOTE_REQUIRED));
        }

        @Test
        void a_decline_without_a_reason_code_is_refused() {
            fixture.given(authorized())
                    .when(decline(null, "no reason"))
                    .expectNoEvents()
                    .expectException(refusal(DECLINE_REASON_REQUIRED));
        }

        @Test
        void a_return_whose_refund_is_approved_is_not_declined() {
            fixture.given(then(inspected(), new RefundApproved(RETURN_ID, refund())))
                    .when(decline(DeclineReason.SUSPECTED_FRAUD, null))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_DECLINABLE));
        }

        @Test
        void a_return_whose_refund_was_requested_is_not_declined_even_on_hold() {
            List<Object> pending = then(inspected(), new RefundApproved(RETURN_ID, refund()),
                    new RefundRequested(RETURN_ID, "KEY", refund().total()));
            fixture.given(held(pending, ReturnStatus.REFUND_PENDING))
                    .when(decline(DeclineReason.SUSPECTED_FRAUD, null))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_DECLINABLE));
        }

        @Test
        void an_ended_return_is_not_declined() {
            fixture.given(then(authorized(), new ReturnCancelled(RETURN_ID, ORDER_ID, "kept it", "customer")))
                    .when(decline(DeclineReason.NOT_RETURNABLE, null))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_IS_TERMINAL));
        }

        @Test
        void the_same_decline_again_changes_nothing_and_another_one_is_refused() {
            List<Object> declined = then(authorized(), new ReturnDeclined(RETURN_ID, ORDER_ID,
                    DeclineReason.NOT_RETURNABLE, null, AGENT, ReturnStatus.AUTHORIZED));
            fixture.given(declined)
                    .when(decline(DeclineReason.NOT_RETURNABLE, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REJECTED);
            fixture.given(declined)
                    .when(decline(DeclineReason.SUSPECTED_FRAUD, null))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_IS_TERMINAL));
        }
    }

    @Nested
    class Goodwill {

        @Test
        void goodwill_on_a_received_return_is_recorded_as_a_policy_override_with_actor_and_reason() {
            fixture.given(received())
                    .when(new GrantGoodwill(RETURN_ID, "loyal customer, second fault", AGENT))
                    .expectEvents(new GoodwillGranted(RETURN_ID, PolicyOverride.DEDUCTIONS_WAIVED,
                            "loyal customer, second fault", AGENT))
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void goodwill_while_held_for_review_after_inspection_is_allowed() {
            fixture.given(held(inspected(), ReturnStatus.INSPECTED))
                    .when(new GrantGoodwill(RETURN_ID, "waive the wear", AGENT))
                    .expectEvents(new GoodwillGranted(RETURN_ID, PolicyOverride.DEDUCTIONS_WAIVED, "waive the wear",
                            AGENT));
        }

        @Test
        void goodwill_before_eligibility_is_decided_is_refused() {
            fixture.given(requested())
                    .when(new GrantGoodwill(RETURN_ID, "early", AGENT))
                    .expectNoEvents()
                    .expectException(refusal(GOODWILL_NOT_ALLOWED));
        }

        @Test
        void goodwill_after_the_refund_is_decided_is_refused() {
            fixture.given(then(inspected(), new RefundApproved(RETURN_ID, refund())))
                    .when(new GrantGoodwill(RETURN_ID, "too late", AGENT))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_ALREADY_APPROVED));
        }

        @Test
        void goodwill_without_a_reason_is_refused() {
            fixture.given(received())
                    .when(new GrantGoodwill(RETURN_ID, "  ", AGENT))
                    .expectNoEvents()
                    .expectException(refusal(REASON_REQUIRED));
        }

        @Test
        void the_same_goodwill_again_changes_nothing_and_another_reason_is_refused() {
            List<Object> granted = then(received(),
                    new GoodwillGranted(RETURN_ID, PolicyOverride.DEDUCTIONS_WAIVED, "first", AGENT));
            fixture.given(granted)
                    .when(new GrantGoodwill(RETURN_ID, "first", AGENT))
                    .expectNoEvents();
            fixture.given(granted)
                    .when(new GrantGoodwill(RETURN_ID, "second", AGENT))
                    .expectNoEvents()
                    .expectException(refusal(GOODWILL_ALREADY_GRANTED));
        }
    }

    @Nested
    class Notes {

        @Test
        void a_note_is_recorded_as_written_markup_included() {
            String text = "<b>customer</b> called & said \"it's <script>alert(1)</script>\"\nsecond line";
            fixture.given(authorized())
                    .when(new AddReturnNote(RETURN_ID, "NOTE-1", text, AGENT))
                    .expectEvents(new ReturnNoteAdded(RETURN_ID, "NOTE-1", text, AGENT))
                    .expectResultMessagePayload(ReturnStatus.AUTHORIZED);
        }

        @Test
        void a_note_may_be_written_on_an_ended_return() {
            fixture.given(then(authorized(), new ReturnCancelled(RETURN_ID, ORDER_ID, "kept it", "customer")))
                    .when(new AddReturnNote(RETURN_ID, "NOTE-1", "customer asked why", AGENT))
                    .expectEvents(new ReturnNoteAdded(RETURN_ID, "NOTE-1", "customer asked why", AGENT));
        }

        @Test
        void the_same_note_id_and_text_again_adds_nothing_and_other_text_is_refused() {
            List<Object> noted = then(authorized(), new ReturnNoteAdded(RETURN_ID, "NOTE-1", "first", AGENT));
            fixture.given(noted)
                    .when(new AddReturnNote(RETURN_ID, "NOTE-1", "first", AGENT))
                    .expectNoEvents();
            fixture.given(noted)
                    .when(new AddReturnNote(RETURN_ID, "NOTE-1", "changed", AGENT))
                    .expectNoEvents()
                    .expectException(refusal(IDEMPOTENCY_KEY_REUSED));
        }

        @Test
        void an_empty_a_too_long_or_a_control_character_note_is_refused() {
            fixture.given(authorized()).when(new AddReturnNote(RETURN_ID, "N", " ", AGENT))
                    .expectNoEvents().expectException(refusal(NOTE_REQUIRED));
            fixture.given(authorized()).when(new AddReturnNote(RETURN_ID, "N", "x".repeat(2001), AGENT))
                    .expectNoEvents().expectException(refusal(NOTE_TOO_LONG));
            fixture.given(authorized()).when(new AddReturnNote(RETURN_ID, "N", "bell\u0007", AGENT))
                    .expectNoEvents().expectException(refusal(NOTE_HAS_CONTROL_CHARACTERS));
        }

        @Test
        void a_return_holds_at_most_two_hundred_notes() {
            List<Object> full = new ArrayList<>(authorized());
            for (int i = 0; i < StaffDecisions.NOTES_MAX; i++) {
                full.add(new ReturnNoteAdded(RETURN_ID, "NOTE-" + i, "note " + i, AGENT));
            }
            fixture.given(full)
                    .when(new AddReturnNote(RETURN_ID, "NOTE-X", "one more", AGENT))
                    .expectNoEvents()
                    .expectException(refusal(TOO_MANY_NOTES));
        }

        @Test
        void a_store_associate_writes_no_note_on_another_stores_return() {
            fixture.given(authorized())
                    .when(new AddReturnNote(RETURN_ID, "NOTE-1", "hello", "store-002"),
                            AccessScope.stores(java.util.Set.of("STORE-002")).toMetadata())
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_FOUND));
        }
    }

    @ParameterizedTest(name = "decline reason {0} needs a note: {0}=OTHER")
    @EnumSource(DeclineReason.class)
    void only_other_needs_a_note(DeclineReason reason) {
        org.assertj.core.api.Assertions.assertThat(reason.needsNote()).isEqualTo(reason == DeclineReason.OTHER);
    }

    // ---- histories ----

    private static List<Object> requested() {
        return List.of(new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, "CUST-1", ORDER_ID,
                RefundMethod.ORIGINAL_TENDER, List.of(new RequestedLine("L1", 2, ReturnReason.CHANGED_MIND)), ORDER));
    }

    private static List<Object> authorized() {
        return then(requested(), new ReturnAuthorized(RETURN_ID, List.of(new LineDecision("L1", 2, 2, List.of()))));
    }

    private static List<Object> received() {
        return then(authorized(), new ReturnItemsReceived(RETURN_ID, "RCPT-1", "DC-1",
                List.of(new ReceivedLine("L1", 2, null)), List.of()));
    }

    private static List<Object> inspected() {
        return then(received(),
                new ReturnLinesInspected(RETURN_ID, "INSP-1",
                        List.of(new InspectedLine("L1", 2, 0, Grade.USED, Disposition.REFURBISH, false, null))),
                new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                        List.of(new RefundableLine("L1", 2, Grade.USED, ReturnReason.CHANGED_MIND)), Map.of(), false));
    }

    private static List<Object> held(List<Object> history, ReturnStatus heldFrom) {
        return then(history, new ReturnPutOnHold(RETURN_ID, HoldReason.MANUAL, null, "look", heldFrom));
    }

    private static RefundBreakdown refund() {
        Money total = eur(12_000);
        return new RefundBreakdown("EUR", List.of(new LineRefund("L1", 2, eur(10_000), eur(2_000), eur(0), eur(0),
                total, List.of())), eur(0), total, List.of(new TenderRefund("T1", TenderType.CARD, total)));
    }

    private static DeclineReturn decline(DeclineReason reason, String note) {
        return new DeclineReturn(RETURN_ID, reason, note, AGENT);
    }
}
