package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.ApproveRefund;
import io.omnireturns.api.returns.command.KeepLines;
import io.omnireturns.api.returns.command.MarkGiftReturn;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordInventoryAdjusted;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.event.GiftReturnRecorded;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.ReturnRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static io.omnireturns.command.returns.ReturnFixtures.ORDER_ID;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.returnFixture;

/**
 * What the shopper chose at request time: lines kept ("keep it": no parcel, refunded at the best grade, written off)
 * and gift returns (store credit only, the recipient's contact). L1 is a cheap line of two, L2 a coat that ships back.
 */
class ShopperOptionsAggregateTest {

    private static final OrderSnapshot ORDER = anOrder()
            .withLine("L1", 2, 395, 158)
            .withLine("L2", 1, 12000, 2400)
            .paidWith("T1", TenderType.CARD, 15348)
            .build();

    private AggregateTestFixture<ReturnAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = returnFixture();
    }

    @Nested
    class KeepIt {

        @Test
        void a_return_whose_every_line_is_kept_is_inspected_at_once_at_the_best_grade() {
            fixture.given(requested(RefundMethod.ORIGINAL_TENDER, cheapLine()), authorized(cheapDecision()))
                    .when(new KeepLines(RETURN_ID, List.of(kept())))
                    .expectEvents(new ReturnLinesKept(RETURN_ID, ORDER_ID, List.of(kept())),
                            new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                                    List.of(new RefundableLine("L1", 2, Grade.NEW, ReturnReason.CHANGED_MIND)),
                                    Map.of(), false))
                    .expectResultMessagePayload(ReturnStatus.INSPECTED);
        }

        @Test
        void a_return_with_lines_still_to_ship_keeps_its_cheap_lines_and_waits_for_the_parcel() {
            fixture.given(requested(RefundMethod.ORIGINAL_TENDER, cheapLine(), coatLine()),
                            authorized(cheapDecision(), coatDecision()))
                    .when(new KeepLines(RETURN_ID, List.of(kept())))
                    .expectEvents(new ReturnLinesKept(RETURN_ID, ORDER_ID, List.of(kept())))
                    .expectResultMessagePayload(ReturnStatus.AUTHORIZED);
        }

        @Test
        void once_the_shipped_line_is_inspected_the_refund_covers_the_kept_lines_too_and_nothing_is_short() {
            fixture.given(requested(RefundMethod.ORIGINAL_TENDER, cheapLine(), coatLine()),
                            authorized(cheapDecision(), coatDecision()),
                            new ReturnLinesKept(RETURN_ID, ORDER_ID, List.of(kept())),
                            new ReturnItemsReceived(RETURN_ID, "RCPT-1", "DC-1",
                                    List.of(new ReceivedLine("L2", 1, null)), List.of()))
                    .when(new RecordInspection(RETURN_ID, "INSP-1", List.of(coatAccepted())))
                    .expectEvents(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(coatAccepted())),
                            new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                                    List.of(new RefundableLine("L1", 2, Grade.NEW, ReturnReason.CHANGED_MIND),
                                            new RefundableLine("L2", 1, Grade.NEW, ReturnReason.CHANGED_MIND)),
                                    Map.of(), false));
        }

        @Test
        void a_kept_line_arriving_in_the_parcel_anyway_is_refused_as_more_than_authorized() {
            fixture.given(requested(RefundMethod.ORIGINAL_TENDER, cheapLine(), coatLine()),
                            authorized(cheapDecision(), coatDecision()),
                            new ReturnLinesKept(RETURN_ID, ORDER_ID, List.of(kept())))
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", "DC-1", List.of(new ReceivedLine("L1", 1, null))))
                    .expectNoEvents()
                    .expectException(refusal(ReturnErrors.RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED));
        }

        @Test
        void the_refund_of_kept_lines_is_approved_without_any_receipt() {
            fixture.given(keptWhole())
                    .when(new ApproveRefund(RETURN_ID, keptRefund()))
                    .expectEvents(new RefundApproved(RETURN_ID, keptRefund()));
        }

        @Test
        void the_stock_of_kept_lines_is_written_off_for_no_more_than_was_kept() {
            fixture.given(then(keptWhole(), new RefundApproved(RETURN_ID, keptRefund())))
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-1", "L1", "SKU-L1", Disposition.SCRAP, "DC-1", 2))
                    .expectEvents(new InventoryAdjusted(RETURN_ID, "ADJ-1", "L1", "SKU-L1", Disposition.SCRAP, "DC-1",
                            2));
            fixture.given(then(keptWhole(), new RefundApproved(RETURN_ID, keptRefund())))
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-1", "L1", "SKU-L1", Disposition.RESTOCK, "DC-1", 2))
                    .expectNoEvents()
                    .expectException(refusal(ReturnErrors.DISPOSITION_MISMATCH));
        }

        @Test
        void a_line_kept_for_less_than_its_authorized_quantity_is_refused() {
            fixture.given(requested(RefundMethod.ORIGINAL_TENDER, cheapLine()), authorized(cheapDecision()))
                    .when(new KeepLines(RETURN_ID, List.of(new KeptLine("L1", 1, "KEEP_IT_UNDER_VALUE"))))
                    .expectNoEvents()
                    .expectException(refusal(ReturnErrors.KEPT_LINES_DO_NOT_MATCH));
        }

        @Test
        void lines_are_kept_once_and_a_repeated_decision_changes_nothing() {
            fixture.given(keptWhole())
                    .when(new KeepLines(RETURN_ID, List.of(kept())))
                    .expectNoEvents();
        }

        @Test
        void lines_of_a_return_not_authorized_are_not_kept() {
            fixture.given(requested(RefundMethod.ORIGINAL_TENDER, cheapLine()))
                    .when(new KeepLines(RETURN_ID, List.of(kept())))
                    .expectNoEvents()
                    .expectException(refusal(ReturnErrors.ILLEGAL_TRANSITION));
        }
    }

    @Nested
    class GiftReturns {

        @Test
        void a_gift_return_refunded_in_store_credit_records_its_recipient() {
            fixture.given(requested(RefundMethod.STORE_CREDIT, coatLine()))
                    .when(new MarkGiftReturn(RETURN_ID, "Ada", "ada@example.com", false))
                    .expectEvents(new GiftReturnRecorded(RETURN_ID, "Ada", "ada@example.com", false));
        }

        @Test
        void a_gift_return_to_the_buyers_tenders_is_refused() {
            fixture.given(requested(RefundMethod.ORIGINAL_TENDER, coatLine()))
                    .when(new MarkGiftReturn(RETURN_ID, "Ada", "ada@example.com", false))
                    .expectNoEvents()
                    .expectException(refusal(ReturnErrors.GIFT_RETURN_NEEDS_STORE_CREDIT));
        }

        @Test
        void a_gift_return_without_the_recipients_email_is_refused() {
            fixture.given(requested(RefundMethod.STORE_CREDIT, coatLine()))
                    .when(new MarkGiftReturn(RETURN_ID, "Ada", " ", false))
                    .expectNoEvents()
                    .expectException(refusal(ReturnErrors.GIFT_RECIPIENT_REQUIRED));
        }

        @Test
        void marking_a_gift_return_again_changes_nothing() {
            fixture.given(requested(RefundMethod.STORE_CREDIT, coatLine()),
                            new GiftReturnRecorded(RETURN_ID, "Ada", "ada@example.com", false))
                    .when(new MarkGiftReturn(RETURN_ID, "Ada", "ada@example.com", false))
                    .expectNoEvents();
        }
    }

    private static List<Object> keptWhole() {
        return List.of(requested(RefundMethod.ORIGINAL_TENDER, cheapLine()), authorized(cheapDecision()),
                new ReturnLinesKept(RETURN_ID, ORDER_ID, List.of(kept())),
                new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                        List.of(new RefundableLine("L1", 2, Grade.NEW, ReturnReason.CHANGED_MIND)), Map.of(), false));
    }

    private static List<Object> then(List<Object> history, Object next) {
        return ReturnFixtures.then(history, next);
    }

    private static RefundBreakdown keptRefund() {
        Money total = eur(948);
        return new RefundBreakdown(EUR, List.of(new LineRefund("L1", 2, eur(790), eur(158), eur(0), eur(0), total,
                List.of())), eur(0), total, List.of(new TenderRefund("T1", TenderType.CARD, total)));
    }

    private static ReturnRequested requested(RefundMethod method, RequestedLine... lines) {
        return new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, "CUST-1", ORDER_ID, method, List.of(lines),
                ORDER);
    }

    private static ReturnAuthorized authorized(LineDecision... decisions) {
        return new ReturnAuthorized(RETURN_ID, List.of(decisions));
    }

    private static RequestedLine cheapLine() {
        return new RequestedLine("L1", 2, ReturnReason.CHANGED_MIND);
    }

    private static RequestedLine coatLine() {
        return new RequestedLine("L2", 1, ReturnReason.CHANGED_MIND);
    }

    private static LineDecision cheapDecision() {
        return new LineDecision("L1", 2, 2, List.of());
    }

    private static LineDecision coatDecision() {
        return new LineDecision("L2", 1, 1, List.of());
    }

    private static KeptLine kept() {
        return new KeptLine("L1", 2, "KEEP_IT_UNDER_VALUE");
    }

    private static InspectedLine coatAccepted() {
        return new InspectedLine("L2", 1, 0, Grade.NEW, Disposition.RESTOCK, false, null);
    }
}
