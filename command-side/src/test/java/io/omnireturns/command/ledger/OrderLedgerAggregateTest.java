package io.omnireturns.command.ledger;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.ledger.AllocateRefund;
import io.omnireturns.api.ledger.QuantityReservation;
import io.omnireturns.api.ledger.RefundAllocated;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.ledger.ReleaseReturnQuantities;
import io.omnireturns.api.ledger.ReserveReturnQuantities;
import io.omnireturns.api.ledger.ReturnQuantitiesReleased;
import io.omnireturns.api.ledger.ReturnQuantitiesReserved;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static io.omnireturns.command.ledger.OrderLedgerAggregate.REFUND_EXCEEDS_HELD;
import static io.omnireturns.command.ledger.OrderLedgerAggregate.RETURN_NOT_KNOWN_TO_ORDER;
import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The returns side of one order: three units of L1 (10.00 each, 1.00 tax for the line: 31.00 paid) and one of
 * L2 (30.00 + 6.00 tax), paid by card. Amounts are minor units.
 */
class OrderLedgerAggregateTest {

    private static final String ORDER_ID = "ORD-1";
    private static final OrderSnapshot ORDER = anOrder()
            .withLine("L1", 3, 1000, 100)
            .withLine("L2", 1, 3000, 600)
            .paidWith("T1", TenderType.CARD, 6700)
            .build();
    private static final Money L1_PAID = eur(3100);

    private AggregateTestFixture<OrderLedgerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    @Nested
    class Reserving {

        @Test
        void a_reservation_that_fits_in_what_was_bought_is_granted() {
            List<QuantityReservation> granted = List.of(new QuantityReservation("L1", 2, 3, 2));

            fixture.givenNoPriorActivity()
                    .when(new ReserveReturnQuantities(ORDER_ID, "RET-1", Map.of("L1", 2), ORDER))
                    .expectEvents(new ReturnQuantitiesReserved(ORDER_ID, "RET-1", granted, ORDER))
                    .expectResultMessagePayload(granted);
        }

        @Test
        void every_line_of_a_reservation_is_answered_on_its_own() {
            List<QuantityReservation> answers = List.of(
                    new QuantityReservation("L1", 3, 3, 3), new QuantityReservation("L2", 2, 1, 0));

            fixture.givenNoPriorActivity()
                    .when(new ReserveReturnQuantities(ORDER_ID, "RET-1", orderedMap("L1", 3, "L2", 2), ORDER))
                    .expectEvents(new ReturnQuantitiesReserved(ORDER_ID, "RET-1", answers, ORDER))
                    .expectResultMessagePayload(answers);
        }

        @Test
        void a_second_return_of_a_line_gets_nothing_when_it_asks_for_more_than_is_left() {
            List<QuantityReservation> refused = List.of(new QuantityReservation("L1", 2, 1, 0));

            fixture.given(reserved("RET-1", "L1", 2))
                    .when(new ReserveReturnQuantities(ORDER_ID, "RET-2", Map.of("L1", 2), ORDER))
                    .expectEvents(new ReturnQuantitiesReserved(ORDER_ID, "RET-2", refused, ORDER))
                    .expectResultMessagePayload(refused);
        }

        @Test
        void a_second_return_of_a_line_that_is_used_up_is_told_nothing_is_left() {
            List<QuantityReservation> refused = List.of(new QuantityReservation("L1", 1, 0, 0));

            fixture.given(reserved("RET-1", "L1", 3))
                    .when(new ReserveReturnQuantities(ORDER_ID, "RET-2", Map.of("L1", 1), ORDER))
                    .expectEvents(new ReturnQuantitiesReserved(ORDER_ID, "RET-2", refused, ORDER))
                    .expectResultMessagePayload(refused);
        }

        @Test
        void a_second_return_of_a_line_gets_what_is_left() {
            List<QuantityReservation> granted = List.of(new QuantityReservation("L1", 1, 1, 1));

            fixture.given(reserved("RET-1", "L1", 2))
                    .when(new ReserveReturnQuantities(ORDER_ID, "RET-2", Map.of("L1", 1), ORDER))
                    .expectEvents(new ReturnQuantitiesReserved(ORDER_ID, "RET-2", granted, ORDER))
                    .expectResultMessagePayload(granted);
        }

        @Test
        void a_line_the_order_does_not_have_is_not_granted() {
            List<QuantityReservation> refused = List.of(new QuantityReservation("L9", 1, 0, 0));

            fixture.givenNoPriorActivity()
                    .when(new ReserveReturnQuantities(ORDER_ID, "RET-1", Map.of("L9", 1), ORDER))
                    .expectEvents(new ReturnQuantitiesReserved(ORDER_ID, "RET-1", refused, ORDER))
                    .expectResultMessagePayload(refused);
        }

        @Test
        void the_same_return_asking_again_gets_the_same_answer_and_nothing_more_is_held() {
            List<QuantityReservation> firstAnswer = List.of(new QuantityReservation("L1", 2, 3, 2));

            fixture.given(new ReturnQuantitiesReserved(ORDER_ID, "RET-1", firstAnswer, ORDER))
                    .when(new ReserveReturnQuantities(ORDER_ID, "RET-1", Map.of("L1", 3), ORDER))
                    .expectNoEvents()
                    .expectResultMessagePayload(firstAnswer);
        }
    }

    @Nested
    class Releasing {

        @Test
        void releasing_a_return_gives_back_everything_it_holds() {
            fixture.given(new ReturnQuantitiesReserved(ORDER_ID, "RET-1",
                            List.of(new QuantityReservation("L1", 2, 3, 2), new QuantityReservation("L2", 1, 1, 1)), ORDER))
                    .when(new ReleaseReturnQuantities(ORDER_ID, "RET-1", "RET-1:closed", Map.of(), "cancelled"))
                    .expectEvents(new ReturnQuantitiesReleased(ORDER_ID, "RET-1", "RET-1:closed",
                            Map.of("L1", 2, "L2", 1), "cancelled"));
        }

        @Test
        void releasing_named_quantities_gives_back_only_those() {
            fixture.given(reserved("RET-1", "L1", 2))
                    .when(new ReleaseReturnQuantities(ORDER_ID, "RET-1", "RET-1:short", Map.of("L1", 1), "never received"))
                    .expectEvents(new ReturnQuantitiesReleased(ORDER_ID, "RET-1", "RET-1:short", Map.of("L1", 1),
                            "never received"));
        }

        @Test
        void a_named_release_gives_back_no_more_than_the_return_holds() {
            fixture.given(reserved("RET-1", "L1", 2))
                    .when(new ReleaseReturnQuantities(ORDER_ID, "RET-1", "RET-1:short", Map.of("L1", 5), "never received"))
                    .expectEvents(new ReturnQuantitiesReleased(ORDER_ID, "RET-1", "RET-1:short", Map.of("L1", 2),
                            "never received"));
        }

        @Test
        void releasing_a_line_the_return_does_not_hold_changes_nothing() {
            fixture.given(reserved("RET-1", "L1", 2))
                    .when(new ReleaseReturnQuantities(ORDER_ID, "RET-1", "RET-1:short", Map.of("L2", 1), "never received"))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_release_delivered_again_under_the_same_id_changes_nothing() {
            fixture.given(reserved("RET-1", "L1", 2))
                    .andGiven(new ReturnQuantitiesReleased(ORDER_ID, "RET-1", "RET-1:short", Map.of("L1", 1), "never received"))
                    .when(new ReleaseReturnQuantities(ORDER_ID, "RET-1", "RET-1:short", Map.of("L1", 1), "never received"))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_return_that_holds_nothing_has_nothing_to_release() {
            fixture.given(reserved("RET-1", "L1", 2))
                    .when(new ReleaseReturnQuantities(ORDER_ID, "RET-2", "RET-2:closed", Map.of(), "rejected"))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void what_one_return_released_can_be_reserved_by_another() {
            List<QuantityReservation> granted = List.of(new QuantityReservation("L1", 3, 3, 3));

            fixture.given(reserved("RET-1", "L1", 3))
                    .andGiven(new ReturnQuantitiesReleased(ORDER_ID, "RET-1", "RET-1:closed", Map.of("L1", 3), "expired"))
                    .when(new ReserveReturnQuantities(ORDER_ID, "RET-2", Map.of("L1", 3), ORDER))
                    .expectEvents(new ReturnQuantitiesReserved(ORDER_ID, "RET-2", granted, ORDER))
                    .expectResultMessagePayload(granted);
        }

        @Test
        void items_that_never_arrived_can_be_reserved_by_another_return() {
            List<QuantityReservation> granted = List.of(new QuantityReservation("L1", 1, 1, 1));

            fixture.given(reserved("RET-1", "L1", 3))
                    .andGiven(new ReturnQuantitiesReleased(ORDER_ID, "RET-1", "RET-1:short", Map.of("L1", 1), "never received"))
                    .when(new ReserveReturnQuantities(ORDER_ID, "RET-2", Map.of("L1", 1), ORDER))
                    .expectEvents(new ReturnQuantitiesReserved(ORDER_ID, "RET-2", granted, ORDER))
                    .expectResultMessagePayload(granted);
        }
    }

    @Nested
    class AllocatingRefunds {

        /** Two of three units of L1: 20.00 of the 30.00 and 0.66 of the 1.00 tax (the last unit takes the rounding). */
        private final RefundBreakdown twoUnitsOfL1 = new RefundBreakdown(EUR,
                List.of(new LineRefund("L1", 2, eur(2000), eur(66), eur(0), eur(0), eur(2066), List.of())),
                eur(0), eur(2066), List.of(new TenderRefund("T1", TenderType.CARD, eur(2066))));

        @Test
        void an_allocation_is_booked_and_answers_the_breakdown() {
            fixture.given(reserved("RET-1", "L1", 2))
                    .when(allocate("RET-1", refundable("L1", 2)))
                    .expectEvents(new RefundAllocated(ORDER_ID, "RET-1", twoUnitsOfL1))
                    .expectResultMessagePayload(twoUnitsOfL1);
        }

        @Test
        void asking_again_for_the_same_return_answers_the_booked_allocation_without_booking_again() {
            fixture.given(reserved("RET-1", "L1", 2))
                    .andGiven(new RefundAllocated(ORDER_ID, "RET-1", twoUnitsOfL1))
                    .when(allocate("RET-1", refundable("L1", 3)))
                    .expectNoEvents()
                    .expectResultMessagePayload(twoUnitsOfL1);
        }

        @Test
        void two_returns_of_the_same_line_refund_exactly_what_was_paid_for_it_and_not_a_cent_more() {
            List<Object> bothReserved = List.of(reservedEvent("RET-1", "L1", 2, 3), reservedEvent("RET-2", "L1", 1, 1));

            RefundBreakdown first = allocation(bothReserved, allocate("RET-1", refundable("L1", 2)));
            RefundBreakdown second = allocation(
                    concat(bothReserved, new RefundAllocated(ORDER_ID, "RET-1", first)),
                    allocate("RET-2", refundable("L1", 1)));

            assertThat(refundedFor("L1", first, second)).isEqualTo(L1_PAID);
            assertThat(first.total().plus(second.total())).isEqualTo(L1_PAID);
        }

        @Test
        void a_return_that_claims_more_units_than_it_holds_is_refused() {
            fixture.given(reservedEvent("RET-1", "L1", 2, 3), reservedEvent("RET-2", "L1", 1, 1))
                    .when(allocate("RET-2", refundable("L1", 3)))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_EXCEEDS_HELD));
        }

        @Test
        void an_allocation_for_a_return_the_order_does_not_know_is_refused() {
            fixture.given(reserved("RET-1", "L1", 2))
                    .when(allocate("RET-2", refundable("L1", 1)))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_KNOWN_TO_ORDER));
        }
    }

    // ---- helpers ----

    private static AggregateTestFixture<OrderLedgerAggregate> newFixture() {
        AggregateTestFixture<OrderLedgerAggregate> ledger = new AggregateTestFixture<>(OrderLedgerAggregate.class);
        ledger.registerInjectableResource(new RefundCalculator(RefundRules.defaults()));
        return ledger;
    }

    /** Runs one allocation on a fresh fixture and answers the breakdown it answered and booked. */
    private static RefundBreakdown allocation(List<Object> history, AllocateRefund command) {
        AtomicReference<Object> answer = new AtomicReference<>();
        ResultValidator<OrderLedgerAggregate> result = newFixture().given(history)
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(capturedInto(answer));
        RefundBreakdown breakdown = (RefundBreakdown) answer.get();
        result.expectEvents(new RefundAllocated(ORDER_ID, command.returnId(), breakdown));
        return breakdown;
    }

    private static Matcher<Object> capturedInto(AtomicReference<Object> answer) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                answer.set(actual);
                return actual instanceof RefundBreakdown;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refund breakdown");
            }
        };
    }

    /** The first return of the order holding {@code quantity} of one line. */
    private static List<Object> reserved(String returnId, String orderLineId, int quantity) {
        int purchased = ORDER.line(orderLineId).orElseThrow().quantity();
        return List.of(reservedEvent(returnId, orderLineId, quantity, purchased));
    }

    private static ReturnQuantitiesReserved reservedEvent(String returnId, String orderLineId, int quantity,
                                                          int remainingBefore) {
        return new ReturnQuantitiesReserved(ORDER_ID, returnId,
                List.of(new QuantityReservation(orderLineId, quantity, remainingBefore, quantity)), ORDER);
    }

    private static AllocateRefund allocate(String returnId, RefundableLine... lines) {
        return new AllocateRefund(ORDER_ID, returnId, RefundMethod.ORIGINAL_TENDER, List.of(lines));
    }

    private static RefundableLine refundable(String orderLineId, int acceptedQuantity) {
        return new RefundableLine(orderLineId, acceptedQuantity, Grade.NEW, ReturnReason.DEFECTIVE);
    }

    /** Merchandise plus tax given back for one order line over several refunds, before fees and deductions. */
    private static Money refundedFor(String orderLineId, RefundBreakdown... refunds) {
        return Money.sum(Stream.of(refunds)
                .flatMap(refund -> refund.lines().stream())
                .filter(line -> line.orderLineId().equals(orderLineId))
                .map(line -> line.merchandise().plus(line.tax()))
                .toList(), EUR);
    }

    private static List<Object> concat(List<Object> history, Object next) {
        return Stream.concat(history.stream(), Stream.of(next)).toList();
    }

    private static Map<String, Integer> orderedMap(String firstKey, int firstValue, String secondKey, int secondValue) {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put(firstKey, firstValue);
        map.put(secondKey, secondValue);
        return map;
    }

    /** A {@link DomainException} with the given stable code. */
    private static Matcher<Throwable> refusal(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof DomainException refused && code.equals(refused.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code ").appendValue(code);
            }
        };
    }
}
