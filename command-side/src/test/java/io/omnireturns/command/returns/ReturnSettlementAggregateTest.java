package io.omnireturns.command.returns;

import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.RecordCustomerNotified;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.api.returns.command.RecordInventoryAdjusted;
import io.omnireturns.api.returns.command.RecordLoyaltyAdjusted;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnFixtures.ORDER_ID;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.returnFixture;
import static io.omnireturns.command.returns.StandardReturn.GATEWAY_REFERENCE;
import static io.omnireturns.command.returns.StandardReturn.REFUND_TOTAL;
import static io.omnireturns.command.returns.StandardReturn.WAREHOUSE;
import static io.omnireturns.command.returns.StandardReturn.cancelled;
import static io.omnireturns.command.returns.StandardReturn.completed;
import static io.omnireturns.command.returns.StandardReturn.decision;
import static io.omnireturns.command.returns.StandardReturn.inspected;
import static io.omnireturns.command.returns.StandardReturn.inventoryAdjusted;
import static io.omnireturns.command.returns.StandardReturn.onlyMissing;
import static io.omnireturns.command.returns.StandardReturn.readyToComplete;
import static io.omnireturns.command.returns.StandardReturn.received;
import static io.omnireturns.command.returns.StandardReturn.refundPending;
import static io.omnireturns.command.returns.StandardReturn.refunded;
import static io.omnireturns.command.returns.StandardReturn.requested;

/**
 * Stock, loyalty and the customer told; the return completed, and nothing done after its end.
 * (The standard return: {@link StandardReturn}.)
 */
class ReturnSettlementAggregateTest {

    private final AggregateTestFixture<ReturnAggregate> fixture = returnFixture();

    @Nested
    class AdjustingInventory {

        @Test
        void inventory_is_adjusted_by_the_line_disposition() {
            fixture.given(refunded())
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 2))
                    .expectEvents(new InventoryAdjusted(RETURN_ID, "ADJ-L1", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 2))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void the_adjustment_names_the_sku_of_the_order_line() {
            fixture.given(refunded())
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L2", "L2", "WHATEVER", Disposition.SCRAP, WAREHOUSE, 1))
                    .expectEvents(new InventoryAdjusted(RETURN_ID, "ADJ-L2", "L2", "SKU-L2", Disposition.SCRAP, WAREHOUSE, 1));
        }

        @Test
        void a_line_can_be_adjusted_in_parts_up_to_what_was_received() {
            fixture.given(refunded())
                    .andGiven(inventoryAdjusted("ADJ-L1-a", "L1", Disposition.RESTOCK, 1))
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1-b", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 1))
                    .expectEvents(inventoryAdjusted("ADJ-L1-b", "L1", Disposition.RESTOCK, 1));
        }

        @Test
        void adjusting_more_than_was_received_is_refused() {
            fixture.given(refunded())
                    .andGiven(inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2))
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1-more", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 1))
                    .expectNoEvents()
                    .expectException(refusal(INVENTORY_EXCEEDS_RECEIVED));
        }

        @Test
        void an_adjustment_of_no_items_is_refused() {
            fixture.given(refunded())
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 0))
                    .expectNoEvents()
                    .expectException(refusal(INVENTORY_EXCEEDS_RECEIVED));
        }

        @Test
        void an_adjustment_by_another_disposition_than_inspection_decided_is_refused() {
            fixture.given(refunded())
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L2", "L2", "SKU-L2", Disposition.RESTOCK, WAREHOUSE, 1))
                    .expectNoEvents()
                    .expectException(refusal(DISPOSITION_MISMATCH));
        }

        @Test
        void the_same_adjustment_recorded_again_changes_nothing() {
            fixture.given(refunded())
                    .andGiven(inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2))
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 2))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_line_that_is_not_inspected_yet_is_not_adjusted() {
            fixture.given(received())
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 2))
                    .expectNoEvents()
                    .expectException(refusal(LINE_NOT_INSPECTED));
        }
    }

    @Nested
    class AdjustingLoyalty {

        @Test
        void loyalty_points_are_reversed_once_the_refund_is_approved() {
            fixture.given(refunded())
                    .when(new RecordLoyaltyAdjusted(RETURN_ID, 120, "LOY-1"))
                    .expectEvents(new LoyaltyAdjusted(RETURN_ID, 120, "LOY-1"))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void loyalty_points_are_reversed_once_per_return() {
            fixture.given(refunded())
                    .andGiven(new LoyaltyAdjusted(RETURN_ID, 120, "LOY-1"))
                    .when(new RecordLoyaltyAdjusted(RETURN_ID, 120, "LOY-2"))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void loyalty_points_are_not_reversed_before_the_refund_is_approved() {
            fixture.given(inspected())
                    .when(new RecordLoyaltyAdjusted(RETURN_ID, 120, "LOY-1"))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_NOT_APPROVED));
        }
    }

    @Nested
    class NotifyingTheCustomer {

        @Test
        void a_notification_is_recorded_per_milestone() {
            fixture.given(refunded())
                    .when(new RecordCustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .expectEvents(new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void the_same_milestone_is_notified_once() {
            fixture.given(refunded())
                    .andGiven(new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .when(new RecordCustomerNotified(RETURN_ID, "REFUNDED", "SMS"))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void another_milestone_is_notified_too() {
            fixture.given(refunded())
                    .andGiven(new CustomerNotified(RETURN_ID, "AUTHORIZED", "EMAIL"))
                    .when(new RecordCustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .expectEvents(new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"));
        }

        @Test
        void a_customer_is_told_of_the_end_of_a_return_after_it_ended() {
            fixture.given(cancelled())
                    .when(new RecordCustomerNotified(RETURN_ID, "CANCELLED", "EMAIL"))
                    .expectEvents(new CustomerNotified(RETURN_ID, "CANCELLED", "EMAIL"))
                    .expectResultMessagePayload(ReturnStatus.CANCELLED);
        }
    }

    @Nested
    class Completing {

        @Test
        void a_refunded_return_with_credit_memo_inventory_and_notification_completes() {
            fixture.given(readyToComplete())
                    .andGiven(new RefundSettled(RETURN_ID, GATEWAY_REFERENCE))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectEvents(new ReturnCompleted(RETURN_ID))
                    .expectResultMessagePayload(ReturnStatus.COMPLETED);
        }

        @Test
        void a_refunded_return_whose_refund_is_not_settled_does_not_complete() {
            fixture.given(readyToComplete())
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE));
        }

        @Test
        void a_return_refunded_with_nothing_completes_without_a_credit_memo() {
            fixture.given(inspected())
                    .andGiven(new RefundApproved(RETURN_ID, RefundBreakdown.none(EUR)),
                            inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2),
                            inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1),
                            new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectEvents(new ReturnCompleted(RETURN_ID))
                    .expectResultMessagePayload(ReturnStatus.COMPLETED);
        }

        @Test
        void a_return_whose_refund_is_not_confirmed_does_not_complete() {
            fixture.given(refundPending())
                    .andGiven(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL),
                            inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2),
                            inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1),
                            new CustomerNotified(RETURN_ID, "REFUND_REQUESTED", "EMAIL"))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE))
                    .expectExceptionMessage(onlyMissing("refund confirmed"));
        }

        @Test
        void a_return_without_a_credit_memo_does_not_complete() {
            fixture.given(refunded())
                    .andGiven(inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2),
                            inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1),
                            new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE))
                    .expectExceptionMessage(onlyMissing("credit memo posted"));
        }

        @Test
        void a_return_with_inventory_not_fully_adjusted_does_not_complete() {
            fixture.given(refunded())
                    .andGiven(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL),
                            inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 1),
                            inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1),
                            new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE))
                    .expectExceptionMessage(onlyMissing("inventory adjusted for line L1"));
        }

        @Test
        void a_return_whose_customer_was_never_notified_does_not_complete() {
            fixture.given(refunded())
                    .andGiven(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL),
                            inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2),
                            inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE))
                    .expectExceptionMessage(onlyMissing("customer notified"));
        }

        @Test
        void a_return_on_hold_does_not_complete() {
            fixture.given(readyToComplete())
                    .andGiven(new ReturnPutOnHold(RETURN_ID, HoldReason.MANUAL, ExternalSystem.CRM, "complaint",
                            ReturnStatus.REFUNDED))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE));
        }

        @Test
        void a_completed_return_does_not_complete_again() {
            fixture.given(completed())
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE));
        }
    }

    @Nested
    class Ended {

        @ParameterizedTest(name = "a {0} return refuses {1}")
        @MethodSource("io.omnireturns.command.returns.StandardReturn#stepsAfterTheEnd")
        void an_ended_return_refuses_every_further_step(List<Object> history, Object command) {
            fixture.given(history)
                    .when(command)
                    .expectNoEvents()
                    .expectException(refusal(RETURN_IS_TERMINAL));
        }

        @ParameterizedTest(name = "a completed return refuses {0}")
        @MethodSource("io.omnireturns.command.returns.StandardReturn#moneyStepsAfterCompletion")
        void a_completed_return_refuses_further_money_steps(Object command) {
            fixture.given(completed())
                    .when(command)
                    .expectNoEvents()
                    .expectException(refusal(RETURN_IS_TERMINAL));
        }

        @Test
        void a_return_cancelled_before_its_eligibility_was_decided_refuses_the_decision() {
            fixture.given(requested())
                    .andGiven(new ReturnCancelled(RETURN_ID, ORDER_ID, "changed my mind", "customer"))
                    .when(new RecordEligibilityDecision(RETURN_ID, List.of(decision("L1", 2, 2), decision("L2", 1, 1))))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_IS_TERMINAL));
        }
    }
}
