package io.omnireturns.command.returns;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.ApproveRefund;
import io.omnireturns.api.returns.command.RecordCreditMemoPosted;
import io.omnireturns.api.returns.command.RecordRefundFailed;
import io.omnireturns.api.returns.command.RecordRefundIssued;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.returnFixture;
import static io.omnireturns.command.returns.StandardReturn.GATEWAY_REFERENCE;
import static io.omnireturns.command.returns.StandardReturn.REFUND;
import static io.omnireturns.command.returns.StandardReturn.REFUND_KEY;
import static io.omnireturns.command.returns.StandardReturn.REFUND_TOTAL;
import static io.omnireturns.command.returns.StandardReturn.breakdown;
import static io.omnireturns.command.returns.StandardReturn.heldForManualReview;
import static io.omnireturns.command.returns.StandardReturn.inspected;
import static io.omnireturns.command.returns.StandardReturn.lineRefund;
import static io.omnireturns.command.returns.StandardReturn.received;
import static io.omnireturns.command.returns.StandardReturn.refundApproved;
import static io.omnireturns.command.returns.StandardReturn.refundPending;
import static io.omnireturns.command.returns.StandardReturn.refunded;

/**
 * The refund approved, paid and posted to the ERP as a credit memo.
 * (The standard return: {@link StandardReturn}.)
 */
class ReturnRefundAggregateTest {

    private final AggregateTestFixture<ReturnAggregate> fixture = returnFixture();

    @Nested
    class ApprovingTheRefund {

        @Test
        void an_inspected_return_gets_its_refund_approved() {
            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, REFUND))
                    .expectEvents(new RefundApproved(RETURN_ID, REFUND))
                    .expectResultMessagePayload(ReturnStatus.INSPECTED);
        }

        @Test
        void a_refund_of_nothing_makes_the_return_refunded_without_a_payment() {
            RefundBreakdown nothing = RefundBreakdown.none(EUR);

            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, nothing))
                    .expectEvents(new RefundApproved(RETURN_ID, nothing))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_refund_before_inspection_is_refused() {
            fixture.given(received())
                    .when(new ApproveRefund(RETURN_ID, REFUND))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_BEFORE_INSPECTION));
        }

        @Test
        void a_refund_while_an_inspected_line_awaits_manual_review_is_refused() {
            fixture.given(received())
                    .andGiven(heldForManualReview())
                    .when(new ApproveRefund(RETURN_ID, REFUND))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_BEFORE_INSPECTION));
        }

        @Test
        void a_refund_for_more_items_than_inspection_accepted_is_refused() {
            RefundBreakdown scrappedItemToo = breakdown(lineRefund("L1", 2, 10_000, 2_000), lineRefund("L2", 1, 3_000, 600));

            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, scrappedItemToo))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_EXCEEDS_ACCEPTED));
        }

        @Test
        void a_refund_that_names_an_accepted_line_twice_cannot_exceed_what_inspection_accepted() {
            RefundBreakdown l1Twice = breakdown(lineRefund("L1", 2, 10_000, 2_000), lineRefund("L1", 1, 5_000, 1_000));

            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, l1Twice))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_EXCEEDS_ACCEPTED));
        }

        @Test
        void a_refund_for_a_line_that_is_not_part_of_the_return_is_refused() {
            RefundBreakdown otherLine = breakdown(lineRefund("L3", 1, 1_000, 200));

            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, otherLine))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_EXCEEDS_ACCEPTED));
        }

        @Test
        void a_refund_in_another_currency_than_the_order_is_refused() {
            Money pounds = Money.of(12_000, "GBP");
            RefundBreakdown inPounds = new RefundBreakdown("GBP",
                    List.of(new LineRefund("L1", 2, Money.of(10_000, "GBP"), Money.of(2_000, "GBP"),
                            Money.zero("GBP"), Money.zero("GBP"), pounds, List.of())),
                    Money.zero("GBP"), pounds, List.of(new TenderRefund("T1", TenderType.CARD, pounds)));

            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, inPounds))
                    .expectNoEvents()
                    .expectException(refusal(CURRENCY_MISMATCH));
        }

        @Test
        void a_refund_is_approved_once() {
            fixture.given(refundApproved())
                    .when(new ApproveRefund(RETURN_ID, REFUND))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_ALREADY_APPROVED));
        }
    }

    @Nested
    class PayingTheRefund {

        @Test
        void requesting_the_approved_refund_from_the_gateway_makes_it_pending() {
            fixture.given(refundApproved())
                    .when(new RecordRefundRequested(RETURN_ID, REFUND_KEY, REFUND_TOTAL))
                    .expectEvents(new RefundRequested(RETURN_ID, REFUND_KEY, REFUND_TOTAL))
                    .expectResultMessagePayload(ReturnStatus.REFUND_PENDING);
        }

        @Test
        void the_same_refund_request_recorded_again_changes_nothing() {
            fixture.given(refundPending())
                    .when(new RecordRefundRequested(RETURN_ID, REFUND_KEY, REFUND_TOTAL))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUND_PENDING);
        }

        @Test
        void a_second_refund_request_under_another_key_is_refused() {
            fixture.given(refundPending())
                    .when(new RecordRefundRequested(RETURN_ID, "another-key", REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }

        @Test
        void a_refund_the_gateway_confirms_as_already_settled_records_both_in_one_step() {
            fixture.given(refundPending())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL, true))
                    .expectEvents(new RefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL),
                            new RefundSettled(RETURN_ID, GATEWAY_REFERENCE))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_refund_request_before_approval_is_refused() {
            fixture.given(inspected())
                    .when(new RecordRefundRequested(RETURN_ID, REFUND_KEY, REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_NOT_APPROVED));
        }

        @Test
        void a_refund_request_for_another_amount_than_approved_is_refused() {
            fixture.given(refundApproved())
                    .when(new RecordRefundRequested(RETURN_ID, REFUND_KEY, eur(12_001)))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_AMOUNT_MISMATCH));
        }

        @Test
        void the_gateway_confirming_the_refund_makes_the_return_refunded() {
            fixture.given(refundPending())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL))
                    .expectEvents(new RefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_confirmation_for_another_amount_than_approved_is_refused() {
            fixture.given(refundPending())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, eur(11_999)))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_AMOUNT_MISMATCH));
        }

        @Test
        void the_same_confirmation_delivered_twice_pays_nothing_more() {
            fixture.given(refunded())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_second_refund_under_another_gateway_reference_is_refused() {
            fixture.given(refunded())
                    .when(new RecordRefundIssued(RETURN_ID, "PSP-REF-2", REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }

        @Test
        void a_confirmation_before_the_refund_was_requested_is_refused() {
            fixture.given(refundApproved())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }

        @Test
        void a_confirmation_without_an_approved_refund_is_refused() {
            fixture.given(inspected())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_NOT_APPROVED));
        }

        @Test
        void a_failure_that_will_be_retried_keeps_the_refund_pending() {
            fixture.given(refundPending())
                    .when(new RecordRefundFailed(RETURN_ID, "GATEWAY_TIMEOUT", "no answer in 10s", false))
                    .expectEvents(new RefundFailed(RETURN_ID, "GATEWAY_TIMEOUT", "no answer in 10s", false))
                    .expectResultMessagePayload(ReturnStatus.REFUND_PENDING);
        }

        @Test
        void a_final_failure_puts_the_return_on_hold_for_the_payment_system() {
            fixture.given(refundPending())
                    .when(new RecordRefundFailed(RETURN_ID, "CARD_EXPIRED", "the card was closed", true))
                    .expectEvents(
                            new RefundFailed(RETURN_ID, "CARD_EXPIRED", "the card was closed", true),
                            new ReturnPutOnHold(RETURN_ID, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                                    "CARD_EXPIRED: the card was closed", ReturnStatus.REFUND_PENDING))
                    .expectResultMessagePayload(ReturnStatus.ON_HOLD);
        }

        @Test
        void a_failure_of_a_refund_that_was_never_requested_is_refused() {
            fixture.given(refundApproved())
                    .when(new RecordRefundFailed(RETURN_ID, "GATEWAY_TIMEOUT", "no answer in 10s", false))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }
    }

    @Nested
    class PostingTheCreditMemo {

        @Test
        void the_credit_memo_for_the_approved_refund_is_recorded() {
            fixture.given(refunded())
                    .when(new RecordCreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .expectEvents(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_credit_memo_before_the_refund_is_approved_is_refused() {
            fixture.given(inspected())
                    .when(new RecordCreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_NOT_APPROVED));
        }

        @Test
        void the_same_credit_memo_recorded_again_changes_nothing() {
            fixture.given(refunded())
                    .andGiven(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .when(new RecordCreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_second_credit_memo_is_refused() {
            fixture.given(refunded())
                    .andGiven(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .when(new RecordCreditMemoPosted(RETURN_ID, "CM-2", REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(CREDIT_MEMO_ALREADY_POSTED));
        }

        @Test
        void a_credit_memo_for_another_amount_than_the_refund_is_refused() {
            fixture.given(refunded())
                    .when(new RecordCreditMemoPosted(RETURN_ID, "CM-1", eur(11_000)))
                    .expectNoEvents()
                    .expectException(refusal(CREDIT_MEMO_AMOUNT_MISMATCH));
        }
    }
}
