package io.omnireturns.command.policy.eligibility;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.omnireturns.command.policy.OrderFixtures.FULFILLED_AT;
import static io.omnireturns.command.policy.OrderFixtures.PLACED_AT;
import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.CHANNEL_NOT_ALLOWED;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.DUPLICATE_LINE;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.ELIGIBLE;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.FINAL_SALE;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.INVALID_QUANTITY;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.ORDER_LINE_NOT_FOUND;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.QUANTITY_EXCEEDS_PURCHASED;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.RETURN_WINDOW_EXPIRED;
import static org.assertj.core.api.Assertions.assertThat;

class EligibilityPolicyTest {

    private final EligibilityPolicy policy = new EligibilityPolicy(EligibilityRules.defaults());

    private final OrderSnapshot order = anOrder()
            .withCategoryLine("shirt", "apparel", false)
            .withCategoryLine("phone", "electronics", false)
            .withCategoryLine("clearance", "apparel", true)
            .build();

    private static final Instant A_WEEK_LATER = FULFILLED_AT.plus(Duration.ofDays(7));

    @Test
    void a_line_inside_its_window_is_authorized_for_the_requested_quantity() {
        LineDecision decision = decideOne(order, SalesChannel.WEB, new RequestedLine("shirt", 2, ReturnReason.SIZE_OR_FIT), A_WEEK_LATER);

        assertThat(decision).isEqualTo(new LineDecision("shirt", 2, 2, List.of(ELIGIBLE)));
        assertThat(decision.isAuthorized()).isTrue();
    }

    @Nested
    class ReturnWindow {

        @Test
        void a_request_exactly_at_the_end_of_the_default_window_is_still_inside_it() {
            LineDecision decision = decideOne(order, SalesChannel.WEB, shirt(1), FULFILLED_AT.plus(Duration.ofDays(30)));

            assertThat(decision.reasonCodes()).containsExactly(ELIGIBLE);
        }

        @Test
        void a_request_one_second_after_the_default_window_is_refused_as_expired() {
            LineDecision decision = decideOne(order, SalesChannel.WEB, shirt(1),
                    FULFILLED_AT.plus(Duration.ofDays(30)).plusSeconds(1));

            assertThat(decision.reasonCodes()).containsExactly(RETURN_WINDOW_EXPIRED);
            assertThat(decision.authorizedQuantity()).isZero();
        }

        @Test
        void electronics_have_a_fourteen_day_window_with_an_inclusive_end() {
            RequestedLine phone = new RequestedLine("phone", 1, ReturnReason.CHANGED_MIND);

            assertThat(decideOne(order, SalesChannel.WEB, phone, FULFILLED_AT.plus(Duration.ofDays(14))).reasonCodes())
                    .containsExactly(ELIGIBLE);
            assertThat(decideOne(order, SalesChannel.WEB, phone, FULFILLED_AT.plus(Duration.ofDays(14)).plusMillis(1)).reasonCodes())
                    .containsExactly(RETURN_WINDOW_EXPIRED);
        }

        @Test
        void a_category_window_is_matched_regardless_of_letter_case() {
            OrderSnapshot upperCaseCategory = anOrder().withCategoryLine("tv", "Electronics", false).build();

            LineDecision decision = decideOne(upperCaseCategory, SalesChannel.WEB,
                    new RequestedLine("tv", 1, ReturnReason.CHANGED_MIND), FULFILLED_AT.plus(Duration.ofDays(20)));

            assertThat(decision.reasonCodes()).containsExactly(RETURN_WINDOW_EXPIRED);
        }

        @Test
        void the_window_counts_from_placement_when_the_order_has_no_fulfilment_date() {
            OrderSnapshot unfulfilled = anOrder().withCategoryLine("shirt", "apparel", false).notYetFulfilled().build();
            Instant justAfterPlacementWindow = PLACED_AT.plus(Duration.ofDays(30)).plusSeconds(1);

            assertThat(decideOne(unfulfilled, SalesChannel.WEB, shirt(1), justAfterPlacementWindow).reasonCodes())
                    .containsExactly(RETURN_WINDOW_EXPIRED);
        }
    }

    @Nested
    class FinalSale {

        @Test
        void a_final_sale_item_returned_for_a_change_of_mind_is_refused() {
            LineDecision decision = decideOne(order, SalesChannel.WEB,
                    new RequestedLine("clearance", 1, ReturnReason.CHANGED_MIND), A_WEEK_LATER);

            assertThat(decision.reasonCodes()).containsExactly(FINAL_SALE);
            assertThat(decision.authorizedQuantity()).isZero();
        }

        @Test
        void a_defective_final_sale_item_may_still_be_returned_because_the_retailer_is_at_fault() {
            LineDecision decision = decideOne(order, SalesChannel.WEB,
                    new RequestedLine("clearance", 1, ReturnReason.DEFECTIVE), A_WEEK_LATER);

            assertThat(decision.reasonCodes()).containsExactly(ELIGIBLE);
            assertThat(decision.authorizedQuantity()).isEqualTo(1);
        }

        @Test
        void a_defective_final_sale_item_is_refused_when_the_rules_allow_no_exception() {
            EligibilityRules strict = new EligibilityRules(30, Map.of(), false, Map.of());

            List<LineDecision> decisions = new EligibilityPolicy(strict).evaluate(request(order, SalesChannel.WEB,
                    List.of(new RequestedLine("clearance", 1, ReturnReason.DEFECTIVE)), A_WEEK_LATER));

            assertThat(decisions.get(0).reasonCodes()).containsExactly(FINAL_SALE);
        }
    }

    @Nested
    class Channels {

        @Test
        void a_marketplace_order_cannot_be_returned_in_a_store() {
            OrderSnapshot marketplaceOrder = anOrder().soldThrough(SalesChannel.MARKETPLACE)
                    .withCategoryLine("shirt", "apparel", false).build();

            LineDecision decision = decideOne(marketplaceOrder, SalesChannel.STORE, shirt(1), A_WEEK_LATER);

            assertThat(decision.reasonCodes()).containsExactly(CHANNEL_NOT_ALLOWED);
        }

        @Test
        void a_marketplace_order_can_be_returned_through_the_web_shop() {
            OrderSnapshot marketplaceOrder = anOrder().soldThrough(SalesChannel.MARKETPLACE)
                    .withCategoryLine("shirt", "apparel", false).build();

            assertThat(decideOne(marketplaceOrder, SalesChannel.WEB, shirt(1), A_WEEK_LATER).reasonCodes())
                    .containsExactly(ELIGIBLE);
        }

        @Test
        void a_web_order_can_be_returned_in_a_store() {
            assertThat(decideOne(order, SalesChannel.STORE, shirt(1), A_WEEK_LATER).reasonCodes())
                    .containsExactly(ELIGIBLE);
        }

        @Test
        void configured_channel_rules_replace_the_default_for_the_channels_they_name() {
            EligibilityRules storeOrdersOnlyInStores = new EligibilityRules(30, Map.of(), true,
                    Map.of(SalesChannel.STORE, Set.of(SalesChannel.STORE)));
            OrderSnapshot storeOrder = anOrder().soldThrough(SalesChannel.STORE)
                    .withCategoryLine("shirt", "apparel", false).build();

            List<LineDecision> decisions = new EligibilityPolicy(storeOrdersOnlyInStores)
                    .evaluate(request(storeOrder, SalesChannel.WEB, List.of(shirt(1)), A_WEEK_LATER));

            assertThat(decisions.get(0).reasonCodes()).containsExactly(CHANNEL_NOT_ALLOWED);
        }
    }

    @Nested
    class Quantities {

        @Test
        void asking_for_more_units_than_were_bought_on_the_line_is_refused() {
            LineDecision decision = decideOne(order, SalesChannel.WEB, shirt(3), A_WEEK_LATER);

            assertThat(decision).isEqualTo(new LineDecision("shirt", 3, 0, List.of(QUANTITY_EXCEEDS_PURCHASED)));
        }

        @Test
        void asking_for_every_unit_bought_on_the_line_is_allowed() {
            assertThat(decideOne(order, SalesChannel.WEB, shirt(2), A_WEEK_LATER).authorizedQuantity()).isEqualTo(2);
        }

        @Test
        void a_zero_quantity_is_refused_as_invalid() {
            assertThat(decideOne(order, SalesChannel.WEB, shirt(0), A_WEEK_LATER).reasonCodes())
                    .containsExactly(INVALID_QUANTITY);
        }

        @Test
        void a_negative_quantity_is_refused_as_invalid() {
            assertThat(decideOne(order, SalesChannel.WEB, shirt(-1), A_WEEK_LATER).reasonCodes())
                    .containsExactly(INVALID_QUANTITY);
        }
    }

    @Test
    void a_line_that_is_not_on_the_order_is_refused_as_not_found() {
        LineDecision decision = decideOne(order, SalesChannel.WEB,
                new RequestedLine("no-such-line", 1, ReturnReason.SIZE_OR_FIT), A_WEEK_LATER);

        assertThat(decision).isEqualTo(new LineDecision("no-such-line", 1, 0, List.of(ORDER_LINE_NOT_FOUND)));
    }

    @Test
    void an_order_line_named_twice_in_one_request_is_refused_on_both_occurrences_while_other_lines_go_ahead() {
        List<LineDecision> decisions = policy.evaluate(request(order, SalesChannel.WEB,
                List.of(shirt(1), new RequestedLine("phone", 1, ReturnReason.DEFECTIVE), shirt(1)), A_WEEK_LATER));

        assertThat(decisions).extracting(LineDecision::orderLineId).containsExactly("shirt", "phone", "shirt");
        assertThat(decisions).extracting(LineDecision::reasonCodes).containsExactly(
                List.of(DUPLICATE_LINE), List.of(ELIGIBLE), List.of(DUPLICATE_LINE));
        assertThat(decisions).extracting(LineDecision::authorizedQuantity).containsExactly(0, 1, 0);
    }

    @Test
    void a_line_that_breaks_several_rules_carries_every_reason() {
        OrderSnapshot marketplaceOrder = anOrder().soldThrough(SalesChannel.MARKETPLACE)
                .withCategoryLine("clearance", "apparel", true).build();

        LineDecision decision = decideOne(marketplaceOrder, SalesChannel.STORE,
                new RequestedLine("clearance", 5, ReturnReason.CHANGED_MIND), FULFILLED_AT.plus(Duration.ofDays(60)));

        assertThat(decision.reasonCodes()).containsExactlyInAnyOrder(
                QUANTITY_EXCEEDS_PURCHASED, CHANNEL_NOT_ALLOWED, RETURN_WINDOW_EXPIRED, FINAL_SALE);
        assertThat(decision.authorizedQuantity()).isZero();
    }

    @Test
    void decisions_come_back_in_request_order() {
        List<LineDecision> decisions = policy.evaluate(request(order, SalesChannel.WEB, List.of(
                new RequestedLine("phone", 1, ReturnReason.CHANGED_MIND),
                new RequestedLine("missing", 1, ReturnReason.CHANGED_MIND),
                shirt(1)), A_WEEK_LATER));

        assertThat(decisions).extracting(LineDecision::orderLineId).containsExactly("phone", "missing", "shirt");
    }

    private LineDecision decideOne(OrderSnapshot order, SalesChannel channel, RequestedLine line, Instant at) {
        List<LineDecision> decisions = policy.evaluate(request(order, channel, List.of(line), at));
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    private static EligibilityRequest request(OrderSnapshot order, SalesChannel channel, List<RequestedLine> lines, Instant at) {
        return new EligibilityRequest(order, channel, channel == SalesChannel.STORE ? "STORE-7" : null, lines, at);
    }

    private static RequestedLine shirt(int quantity) {
        return new RequestedLine("shirt", quantity, ReturnReason.SIZE_OR_FIT);
    }
}
