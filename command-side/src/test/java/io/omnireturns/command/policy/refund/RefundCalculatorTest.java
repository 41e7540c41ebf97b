package io.omnireturns.command.policy.refund;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.MoneyException;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.TenderRefund;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static io.omnireturns.command.policy.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked examples; every amount is EUR minor units (cents). */
class RefundCalculatorTest {

    private final RefundCalculator calculator = new RefundCalculator(RefundRules.defaults());

    @Nested
    class WhatWasPaid {

        @Test
        void a_bundle_promotion_is_prorated_over_its_lines_by_price_with_the_leftover_cent_to_the_largest_remainder() {
            // bundle of 10.00 over 60.00 + 30.00: 6.666.. and 3.333.. -> 6.67 and 3.33
            OrderSnapshot order = anOrder()
                    .withLine("camera", 1, 6000, 0)
                    .withLine("bag", 1, 3000, 0)
                    .withLine("strap", 1, 1000, 0)
                    .withBundle(1000, "camera", "bag")
                    .paidWith("card", TenderType.CARD, 9000)
                    .build();

            RefundBreakdown refund = calculate(order, accepted("camera", 1, ReturnReason.DEFECTIVE),
                    accepted("bag", 1, ReturnReason.DEFECTIVE), accepted("strap", 1, ReturnReason.DEFECTIVE));

            assertThat(refund.lines()).extracting(LineRefund::merchandise)
                    .containsExactly(eur(5333), eur(2667), eur(1000));
            assertThat(refund.lines()).extracting(LineRefund::ruleCodes)
                    .containsExactly(List.of("PRORATED_ORDER_PROMOTION"), List.of("PRORATED_ORDER_PROMOTION"), List.of());
            assertThat(refund.total()).isEqualTo(eur(9000));
        }

        @Test
        void an_order_discount_is_prorated_over_every_line_after_line_discounts() {
            // lines 2 x 25.00 - 5.00 = 45.00 and 15.00; order discount 10.01 -> 7.51 and 2.50
            OrderSnapshot order = anOrder()
                    .with(line("jeans", 2, 2500, 500, 0))
                    .withLine("belt", 1, 1500, 0)
                    .withOrderDiscount(1001)
                    .paidWith("card", TenderType.CARD, 4999)
                    .build();

            RefundBreakdown refund = calculate(order, accepted("jeans", 2, ReturnReason.SIZE_OR_FIT),
                    accepted("belt", 1, ReturnReason.SIZE_OR_FIT));

            assertThat(refund.lines()).extracting(LineRefund::merchandise).containsExactly(eur(3749), eur(1250));
            assertThat(refund.total()).isEqualTo(eur(4999));
        }

        @Test
        void one_unit_of_a_discounted_line_gets_its_share_rounded_down_and_the_last_unit_gets_the_rest() {
            OrderSnapshot order = anOrder()
                    .with(line("jeans", 2, 2500, 500, 0))
                    .withLine("belt", 1, 1500, 0)
                    .withOrderDiscount(1001)
                    .paidWith("card", TenderType.CARD, 4999)
                    .build();

            RefundBreakdown first = calculate(order, accepted("jeans", 1, ReturnReason.SIZE_OR_FIT));
            RefundBreakdown second = calculator.calculate(new RefundInput(order, RefundMethod.ORIGINAL_TENDER,
                    List.of(accepted("jeans", 1, ReturnReason.SIZE_OR_FIT)), PriorRefunds.none(EUR).plus(first)));

            assertThat(first.lines().get(0).merchandise()).isEqualTo(eur(1874));
            assertThat(second.lines().get(0).merchandise()).isEqualTo(eur(1875));
        }

        @Test
        void a_line_gives_back_its_share_of_the_whole_line_tax() {
            // tax 5.00 on three units: one unit 1.66, the other two 3.34
            OrderSnapshot order = anOrder().withLine("mug", 3, 1000, 500).paidWith("card", TenderType.CARD, 3500).build();

            RefundBreakdown oneMug = calculate(order, accepted("mug", 1, ReturnReason.SIZE_OR_FIT));
            RefundBreakdown twoMore = calculator.calculate(new RefundInput(order, RefundMethod.ORIGINAL_TENDER,
                    List.of(accepted("mug", 2, ReturnReason.SIZE_OR_FIT)), PriorRefunds.none(EUR).plus(oneMug)));

            assertThat(oneMug.lines().get(0)).isEqualTo(new LineRefund("mug", 1, eur(1000), eur(166),
                    eur(0), eur(0), eur(1166), List.of()));
            assertThat(twoMore.lines().get(0).tax()).isEqualTo(eur(334));
        }
    }

    @Nested
    class FeesAndCondition {

        private final OrderSnapshot order = anOrder().withLine("lamp", 1, 4999, 950)
                .paidWith("card", TenderType.CARD, 5949).build();

        @Test
        void a_change_of_mind_pays_a_ten_percent_restocking_fee_on_merchandise_rounded_down() {
            RefundBreakdown refund = calculate(order, accepted("lamp", 1, ReturnReason.CHANGED_MIND));

            assertThat(refund.lines().get(0)).isEqualTo(new LineRefund("lamp", 1, eur(4999), eur(950),
                    eur(499), eur(0), eur(5450), List.of("RESTOCKING_FEE_CHANGED_MIND")));
            assertThat(refund.restockingFees()).isEqualTo(eur(499));
        }

        @Test
        void goodwill_gives_back_the_fee_and_the_deduction_and_names_what_it_waived() {
            RefundBreakdown refund = calculator.calculate(new RefundInput(order, RefundMethod.ORIGINAL_TENDER,
                    List.of(new RefundableLine("lamp", 1, Grade.USED, ReturnReason.CHANGED_MIND)),
                    PriorRefunds.none(EUR), true));

            assertThat(refund.lines().get(0)).isEqualTo(new LineRefund("lamp", 1, eur(4999), eur(950),
                    eur(0), eur(0), eur(5949), List.of("CONDITION_DEDUCTION_USED", "RESTOCKING_FEE_CHANGED_MIND",
                    "GOODWILL_DEDUCTIONS_WAIVED")));
            assertThat(refund.total()).isEqualTo(eur(5949));
        }

        @Test
        void goodwill_never_gives_back_more_than_was_paid_and_leaves_a_line_without_deductions_as_it_was() {
            RefundBreakdown refund = calculator.calculate(new RefundInput(order, RefundMethod.ORIGINAL_TENDER,
                    List.of(accepted("lamp", 1, ReturnReason.DEFECTIVE)), PriorRefunds.none(EUR), true));

            assertThat(refund.lines().get(0).ruleCodes()).isEmpty();
            assertThat(refund.total()).isEqualTo(eur(5949));
        }

        @Test
        void a_defective_item_pays_no_restocking_fee() {
            RefundBreakdown refund = calculate(order, accepted("lamp", 1, ReturnReason.DEFECTIVE));

            assertThat(refund.lines().get(0).restockingFee()).isEqualTo(eur(0));
            assertThat(refund.lines().get(0).amount()).isEqualTo(eur(5949));
        }

        @Test
        void a_damaged_item_returned_for_fit_gives_back_half_with_the_odd_cent_to_the_customer() {
            // 33.33 + 6.34 = 39.67; half kept back is 19.835, rounded down to 19.83
            OrderSnapshot shoes = anOrder().withLine("shoes", 1, 3333, 634).paidWith("card", TenderType.CARD, 3967).build();

            RefundBreakdown refund = calculate(shoes, new RefundableLine("shoes", 1, Grade.DAMAGED, ReturnReason.SIZE_OR_FIT));

            assertThat(refund.lines().get(0)).isEqualTo(new LineRefund("shoes", 1, eur(3333), eur(634),
                    eur(0), eur(1983), eur(1984), List.of("CONDITION_DEDUCTION_DAMAGED")));
        }

        @Test
        void a_used_item_keeps_back_fifteen_percent() {
            RefundBreakdown refund = calculate(order, new RefundableLine("lamp", 1, Grade.USED, ReturnReason.SIZE_OR_FIT));

            // 59.49 * 15% = 8.9235 -> 8.92
            assertThat(refund.lines().get(0).conditionDeduction()).isEqualTo(eur(892));
            assertThat(refund.lines().get(0).amount()).isEqualTo(eur(5057));
        }

        @Test
        void a_damaged_item_is_refunded_in_full_when_it_arrived_damaged() {
            RefundBreakdown refund = calculate(order, new RefundableLine("lamp", 1, Grade.DAMAGED, ReturnReason.DAMAGED_IN_TRANSIT));

            assertThat(refund.lines().get(0).conditionDeduction()).isEqualTo(eur(0));
            assertThat(refund.lines().get(0).amount()).isEqualTo(eur(5949));
        }

        @Test
        void an_unsaleable_item_returned_for_a_change_of_mind_gives_back_nothing_and_pays_no_fee() {
            RefundBreakdown refund = calculate(order, new RefundableLine("lamp", 1, Grade.UNSALEABLE, ReturnReason.CHANGED_MIND));

            assertThat(refund.lines().get(0)).isEqualTo(new LineRefund("lamp", 1, eur(4999), eur(950),
                    eur(0), eur(5949), eur(0), List.of("NOT_REFUNDABLE_UNSALEABLE")));
            assertThat(refund.total()).isEqualTo(eur(0));
            assertThat(refund.tenders()).isEmpty();
        }

        @Test
        void a_damaged_change_of_mind_pays_both_deduction_and_fee() {
            RefundBreakdown refund = calculate(order, new RefundableLine("lamp", 1, Grade.DAMAGED, ReturnReason.CHANGED_MIND));

            // deduction 59.49 / 2 = 29.745 -> 29.74; fee 49.99 * 10% -> 4.99
            LineRefund line = refund.lines().get(0);
            assertThat(line.conditionDeduction()).isEqualTo(eur(2974));
            assertThat(line.restockingFee()).isEqualTo(eur(499));
            assertThat(line.amount()).isEqualTo(eur(2476));
            assertThat(line.ruleCodes()).containsExactly("CONDITION_DEDUCTION_DAMAGED", "RESTOCKING_FEE_CHANGED_MIND");
        }
    }

    @Nested
    class Shipping {

        private final OrderSnapshot order = anOrder().withLine("kettle", 2, 3000, 1140).withShipping(495, 94)
                .paidWith("card", TenderType.CARD, 7729).build();

        @Test
        void shipping_and_its_tax_are_refunded_when_the_retailer_is_at_fault() {
            RefundBreakdown refund = calculate(order, accepted("kettle", 1, ReturnReason.DEFECTIVE));

            assertThat(refund.shippingRefund()).isEqualTo(eur(589));
            assertThat(refund.total()).isEqualTo(eur(3000 + 570 + 589));
        }

        @Test
        void shipping_is_not_refunded_for_a_change_of_mind() {
            assertThat(calculate(order, accepted("kettle", 1, ReturnReason.CHANGED_MIND)).shippingRefund()).isEqualTo(eur(0));
        }

        @Test
        void shipping_is_refunded_only_once_per_order() {
            RefundBreakdown first = calculate(order, accepted("kettle", 1, ReturnReason.DEFECTIVE));
            RefundBreakdown second = calculator.calculate(new RefundInput(order, RefundMethod.ORIGINAL_TENDER,
                    List.of(accepted("kettle", 1, ReturnReason.DEFECTIVE)), PriorRefunds.none(EUR).plus(first)));

            assertThat(first.shippingRefund()).isEqualTo(eur(589));
            assertThat(second.shippingRefund()).isEqualTo(eur(0));
        }

        @Test
        void shipping_stays_with_the_retailer_when_the_rule_is_switched_off() {
            RefundRules rules = RefundRules.defaults();
            RefundRules noShipping = new RefundRules(rules.conditionDeductionBasisPoints(),
                    rules.restockingFeeBasisPoints(), false, rules.tenderRefundOrder());

            RefundBreakdown refund = new RefundCalculator(noShipping).calculate(new RefundInput(order,
                    RefundMethod.ORIGINAL_TENDER, List.of(accepted("kettle", 1, ReturnReason.DEFECTIVE)), PriorRefunds.none(EUR)));

            assertThat(refund.shippingRefund()).isEqualTo(eur(0));
        }
    }

    @Nested
    class Tenders {

        // 100.00 paid with a 30.00 gift card (listed first) and 70.00 on a card
        private final OrderSnapshot order = anOrder().withLine("boots", 2, 5000, 0)
                .paidWith("gift", TenderType.GIFT_CARD, 3000)
                .paidWith("visa", TenderType.CARD, 7000)
                .build();

        @Test
        void a_refund_goes_back_to_the_card_before_the_gift_card() {
            RefundBreakdown refund = calculate(order, accepted("boots", 2, ReturnReason.DEFECTIVE));

            assertThat(refund.tenders()).containsExactly(
                    new TenderRefund("visa", TenderType.CARD, eur(7000)),
                    new TenderRefund("gift", TenderType.GIFT_CARD, eur(3000)));
        }

        @Test
        void a_small_refund_goes_to_the_card_alone() {
            assertThat(calculate(order, accepted("boots", 1, ReturnReason.DEFECTIVE)).tenders())
                    .containsExactly(new TenderRefund("visa", TenderType.CARD, eur(5000)));
        }

        @Test
        void a_second_refund_takes_what_is_left_on_the_card_then_goes_to_the_gift_card() {
            RefundBreakdown first = calculate(order, accepted("boots", 1, ReturnReason.DEFECTIVE));
            RefundBreakdown second = calculator.calculate(new RefundInput(order, RefundMethod.ORIGINAL_TENDER,
                    List.of(accepted("boots", 1, ReturnReason.DEFECTIVE)), PriorRefunds.none(EUR).plus(first)));

            assertThat(second.tenders()).containsExactly(
                    new TenderRefund("visa", TenderType.CARD, eur(2000)),
                    new TenderRefund("gift", TenderType.GIFT_CARD, eur(3000)));
        }

        @Test
        void a_refund_as_store_credit_is_one_store_credit_part_for_the_whole_total() {
            RefundBreakdown refund = calculator.calculate(new RefundInput(order, RefundMethod.STORE_CREDIT,
                    List.of(accepted("boots", 2, ReturnReason.CHANGED_MIND)), PriorRefunds.none(EUR)));

            assertThat(refund.total()).isEqualTo(eur(9000));
            assertThat(refund.tenders()).containsExactly(new TenderRefund("STORE_CREDIT", TenderType.STORE_CREDIT, eur(9000)));
        }

        @Test
        void a_refund_as_a_gift_card_is_one_new_gift_card_for_the_whole_total_and_never_the_gift_card_paid_with() {
            RefundBreakdown refund = calculator.calculate(new RefundInput(order, RefundMethod.GIFT_CARD,
                    List.of(accepted("boots", 2, ReturnReason.CHANGED_MIND)), PriorRefunds.none(EUR)));

            assertThat(refund.total()).isEqualTo(eur(9000));
            assertThat(refund.tenders()).containsExactly(new TenderRefund("GIFT_CARD", TenderType.GIFT_CARD, eur(9000)));
        }

        @Test
        void what_the_tenders_cannot_take_goes_to_store_credit() {
            PriorRefunds cardAlreadyRefundedElsewhere = new PriorRefunds(Map.of(),
                    Map.of("visa", eur(7000), "gift", eur(2500)), eur(0));

            RefundBreakdown refund = calculator.calculate(new RefundInput(order, RefundMethod.ORIGINAL_TENDER,
                    List.of(accepted("boots", 1, ReturnReason.DEFECTIVE)), cardAlreadyRefundedElsewhere));

            assertThat(refund.tenders()).containsExactly(
                    new TenderRefund("gift", TenderType.GIFT_CARD, eur(500)),
                    new TenderRefund("STORE_CREDIT", TenderType.STORE_CREDIT, eur(4500)));
        }
    }

    @Nested
    class EarlierReturns {

        // three units for 99.99 and 10.00 tax
        private final OrderSnapshot order = anOrder().withLine("glass", 3, 3333, 1000)
                .paidWith("card", TenderType.CARD, 10999).build();

        @Test
        void two_returns_of_the_same_line_give_back_exactly_what_was_paid() {
            RefundBreakdown first = calculate(order, accepted("glass", 2, ReturnReason.SIZE_OR_FIT));
            RefundBreakdown second = calculator.calculate(new RefundInput(order, RefundMethod.ORIGINAL_TENDER,
                    List.of(accepted("glass", 1, ReturnReason.SIZE_OR_FIT)), PriorRefunds.none(EUR).plus(first)));

            assertThat(first.lines().get(0).merchandise()).isEqualTo(eur(6666));
            assertThat(first.lines().get(0).tax()).isEqualTo(eur(666));
            assertThat(second.lines().get(0).merchandise()).isEqualTo(eur(3333));
            assertThat(second.lines().get(0).tax()).isEqualTo(eur(334));
            assertThat(first.total().plus(second.total())).isEqualTo(eur(10999));
        }

        @Test
        void a_refund_is_capped_by_what_earlier_refunds_left_of_the_line() {
            // an earlier refund gave 50.00 and 5.00 tax for one unit, more than that unit's share
            PriorRefunds prior = new PriorRefunds(
                    Map.of("glass", new LineTotals(1, eur(5000), eur(500))), Map.of("card", eur(5500)), eur(0));

            RefundBreakdown refund = calculator.calculate(new RefundInput(order, RefundMethod.ORIGINAL_TENDER,
                    List.of(accepted("glass", 2, ReturnReason.SIZE_OR_FIT)), prior));

            LineRefund line = refund.lines().get(0);
            assertThat(line.merchandise()).isEqualTo(eur(4999));
            assertThat(line.tax()).isEqualTo(eur(500));
            assertThat(line.ruleCodes()).containsExactly("CAPPED_BY_PRIOR_REFUNDS");
            assertThat(line.merchandise().plus(line.tax()).plus(eur(5500))).isEqualTo(eur(10999));
        }

        @Test
        void units_of_one_line_graded_differently_in_one_return_share_the_line_without_overpaying() {
            RefundBreakdown refund = calculate(order,
                    new RefundableLine("glass", 2, Grade.NEW, ReturnReason.DEFECTIVE),
                    new RefundableLine("glass", 1, Grade.NEW, ReturnReason.DEFECTIVE));

            assertThat(refund.lines()).extracting(LineRefund::merchandise).containsExactly(eur(6666), eur(3333));
            assertThat(refund.total()).isEqualTo(eur(10999));
        }
    }

    @Nested
    class Input {

        private final OrderSnapshot order = anOrder().withLine("cap", 1, 1500, 0).paidWith("card", TenderType.CARD, 1500).build();

        @Test
        void a_line_with_no_accepted_units_is_left_out() {
            RefundBreakdown refund = calculate(order, accepted("cap", 0, ReturnReason.DEFECTIVE));

            assertThat(refund).isEqualTo(RefundBreakdown.none(EUR));
        }

        @Test
        void a_line_that_is_not_on_the_order_is_refused_with_its_id_in_the_message() {
            assertThatThrownBy(() -> calculate(order, accepted("hat", 1, ReturnReason.DEFECTIVE)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hat")
                    .hasMessageContaining("ORD-1");
        }

        @Test
        void prior_refunds_in_another_currency_are_refused() {
            RefundInput input = new RefundInput(order, RefundMethod.ORIGINAL_TENDER,
                    List.of(accepted("cap", 1, ReturnReason.DEFECTIVE)), PriorRefunds.none("USD"));

            assertThatThrownBy(() -> calculator.calculate(input))
                    .isInstanceOfSatisfying(MoneyException.class, e -> assertThat(e.code()).isEqualTo("CURRENCY_MISMATCH"));
        }

        @Test
        void a_negative_accepted_quantity_is_refused() {
            assertThatThrownBy(() -> calculate(order, accepted("cap", -1, ReturnReason.DEFECTIVE)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void prior_refunds_add_up_each_refund_by_line_tender_and_shipping() {
        OrderSnapshot order = anOrder().withLine("kettle", 2, 3000, 1140).withShipping(495, 94)
                .paidWith("card", TenderType.CARD, 7729).build();
        RefundBreakdown refund = calculate(order, accepted("kettle", 1, ReturnReason.DEFECTIVE));

        PriorRefunds prior = PriorRefunds.none(EUR).plus(refund);

        assertThat(prior.line("kettle")).isEqualTo(new LineTotals(1, eur(3000), eur(570)));
        assertThat(prior.tender("card")).isEqualTo(eur(4159));
        assertThat(prior.shippingRefunded()).isEqualTo(eur(589));
    }

    @Test
    void prior_refunds_count_every_part_of_a_line_that_one_refund_returned_in_several_parts() {
        OrderSnapshot order = anOrder().withLine("glass", 3, 3333, 1000).paidWith("card", TenderType.CARD, 10999).build();
        RefundBreakdown refund = calculate(order,
                new RefundableLine("glass", 1, Grade.NEW, ReturnReason.DEFECTIVE),
                new RefundableLine("glass", 1, Grade.DAMAGED, ReturnReason.DEFECTIVE));

        PriorRefunds prior = PriorRefunds.none(EUR).plus(refund);

        assertThat(prior.line("glass")).isEqualTo(new LineTotals(2, eur(6666), eur(666)));
        assertThat(prior.tender("card")).isEqualTo(eur(7332));
    }

    private RefundBreakdown calculate(OrderSnapshot order, RefundableLine... lines) {
        return calculator.calculate(new RefundInput(order, RefundMethod.ORIGINAL_TENDER, List.of(lines), PriorRefunds.none(EUR)));
    }

    private static RefundableLine accepted(String lineId, int units, ReturnReason reason) {
        return new RefundableLine(lineId, units, Grade.NEW, reason);
    }
}
