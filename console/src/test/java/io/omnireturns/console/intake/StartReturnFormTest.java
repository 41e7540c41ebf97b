package io.omnireturns.console.intake;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.returns.application.ReturnRequestAnswer;
import io.omnireturns.command.returns.application.ReturnRequestForm;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartReturnFormTest {

    /** ORD-1001 of customer CUST-100: L1 two rain jackets, L2 one pair of jeans, L3 three t-shirts. */
    private static final OrderSnapshot ORDER = DemoOrders.webApparelOrder(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void only_the_lines_with_a_quantity_are_requested_through_the_contact_centre_for_the_orders_customer() {
        StartReturnForm form = StartReturnForm.fresh(ORDER, null);
        typed(form, 0, "2", "defective", "");
        typed(form, 2, " 1 ", "SIZE_OR_FIT", " TEE-ORG-WHT-M ");
        List<String> problems = new ArrayList<>();

        ReturnRequestForm request = form.toRequest(ORDER, problems);

        assertThat(problems).isEmpty();
        assertThat(request.orderId()).isEqualTo("ORD-1001");
        assertThat(request.channel()).isEqualTo(SalesChannel.CONTACT_CENTRE);
        assertThat(request.customerId()).isEqualTo("CUST-100");
        assertThat(request.storeId()).isNull();
        assertThat(request.refundMethod()).isEqualTo(RefundMethod.ORIGINAL_TENDER);
        assertThat(request.lines()).containsExactly(
                new ReturnRequestForm.Line("ORD-1001-L1", 2, ReturnReason.DEFECTIVE, null),
                new ReturnRequestForm.Line("ORD-1001-L3", 1, ReturnReason.SIZE_OR_FIT, "TEE-ORG-WHT-M"));
    }

    @Test
    void wrong_quantities_reasons_and_refund_methods_are_named_and_nothing_is_requested() {
        StartReturnForm form = StartReturnForm.fresh(ORDER, null);
        typed(form, 0, "1.5", "DEFECTIVE", "");
        typed(form, 1, "2", "CHANGED_MIND", "");
        typed(form, 2, "1", "", "");
        form.setRefundMethod("CASH");
        List<String> problems = new ArrayList<>();

        assertThat(form.toRequest(ORDER, problems)).isNull();
        assertThat(problems).containsExactly(
                "There is no refund method CASH.",
                "Line ORD-1001-L1: the quantity to return must be a whole number, not \"1.5\".",
                "Line ORD-1001-L2: the quantity to return is between 0 and 1 (bought), not 2.",
                "Line ORD-1001-L3: choose a reason.");
    }

    @Test
    void an_unknown_reason_a_negative_quantity_and_a_line_the_order_lacks_are_refused() {
        StartReturnForm form = StartReturnForm.fresh(ORDER, null);
        typed(form, 0, "1", "BORED", "");
        typed(form, 1, "-1", "DEFECTIVE", "");
        form.getLines().get(2).setOrderLineId("ORD-9999-L1");
        List<String> problems = new ArrayList<>();

        assertThat(form.toRequest(ORDER, problems)).isNull();
        assertThat(problems).containsExactly(
                "Line ORD-1001-L1: there is no reason BORED.",
                "Line ORD-1001-L2: the quantity to return is between 0 and 1 (bought), not -1.",
                "The order has no line ORD-9999-L1: look the order up again.");
    }

    @Test
    void a_form_with_nothing_to_return_asks_for_a_quantity() {
        List<String> problems = new ArrayList<>();

        assertThat(StartReturnForm.fresh(ORDER, null).toRequest(ORDER, problems)).isNull();
        assertThat(problems).containsExactly("Enter a quantity to return for at least one line.");
    }

    @Test
    void a_fresh_form_keeps_the_key_of_the_pages_address_and_mints_one_for_a_missing_or_malformed_key() {
        assertThat(StartReturnForm.fresh(ORDER, "console-abc-123").getIdempotencyKey()).isEqualTo("console-abc-123");
        assertThat(StartReturnForm.fresh(ORDER, null).getIdempotencyKey()).startsWith("console-");
        assertThat(StartReturnForm.fresh(ORDER, "a key; with spaces").getIdempotencyKey())
                .isNotEqualTo("a key; with spaces").startsWith("console-");
        assertThat(StartReturnForm.fresh(ORDER, null).getIdempotencyKey())
                .isNotEqualTo(StartReturnForm.fresh(ORDER, null).getIdempotencyKey());
    }

    @Test
    void a_form_shown_again_keeps_what_was_typed_in_the_orders_line_order() {
        StartReturnForm typed = new StartReturnForm();
        typed.setIdempotencyKey("console-key-1");
        typed.setRefundMethod("EXCHANGE");
        StartReturnForm.Line third = new StartReturnForm.Line();
        third.setOrderLineId("ORD-1001-L3");
        third.setQuantity("2");
        third.setReason("DEFECTIVE");
        StartReturnForm.Line stranger = new StartReturnForm.Line();
        stranger.setOrderLineId("ORD-9999-L1");
        typed.setLines(new ArrayList<>(List.of(third, stranger)));

        StartReturnForm aligned = typed.alignedWith(ORDER);

        assertThat(aligned.getOrderId()).isEqualTo("ORD-1001");
        assertThat(aligned.getIdempotencyKey()).isEqualTo("console-key-1");
        assertThat(aligned.getRefundMethod()).isEqualTo("EXCHANGE");
        assertThat(aligned.getLines()).extracting(StartReturnForm.Line::getOrderLineId)
                .containsExactly("ORD-1001-L1", "ORD-1001-L2", "ORD-1001-L3");
        assertThat(aligned.getLines()).extracting(StartReturnForm.Line::getQuantity).containsExactly("0", "0", "2");
    }

    @Test
    void the_notice_after_a_request_names_each_line_not_authorized_with_its_reason_codes() {
        assertThat(StartReturnController.describe(new ReturnRequestAnswer("RET-1", ReturnStatus.AUTHORIZED,
                List.of(new LineDecision("ORD-1001-L1", 1, 1, List.of())))))
                .isEqualTo("Return requested: AUTHORIZED.");
        assertThat(StartReturnController.describe(new ReturnRequestAnswer("RET-2", ReturnStatus.AUTHORIZED,
                List.of(new LineDecision("ORD-1003-L1", 1, 0, List.of("FINAL_SALE")),
                        new LineDecision("ORD-1003-L2", 3, 1, List.of("QUANTITY_EXCEEDS_REMAINING")),
                        new LineDecision("ORD-1003-L3", 1, 1, List.of())))))
                .isEqualTo("Return requested: AUTHORIZED. ORD-1003-L1 rejected (FINAL_SALE); "
                        + "ORD-1003-L2 1 of 3 authorized (QUANTITY_EXCEEDS_REMAINING).");
    }

    @Test
    void the_reasons_are_grouped_into_the_retailers_faults_and_the_customers_own_with_readable_labels() {
        assertThat(StartReturnChoices.OUR_FAULT_REASONS).extracting(StartReturnChoices.Choice::label)
                .containsExactly("Defective", "Wrong item sent", "Damaged in transit", "Not as described");
        assertThat(StartReturnChoices.CUSTOMER_REASONS).first()
                .isEqualTo(new StartReturnChoices.Choice("SIZE_OR_FIT", "Size or fit"));
        assertThat(StartReturnChoices.OUR_FAULT_REASONS.size() + StartReturnChoices.CUSTOMER_REASONS.size())
                .isEqualTo(ReturnReason.values().length);
        assertThat(StartReturnChoices.REFUND_METHODS).extracting(StartReturnChoices.Choice::value)
                .containsExactly("ORIGINAL_TENDER", "STORE_CREDIT", "EXCHANGE");
    }

    private static void typed(StartReturnForm form, int line, String quantity, String reason, String sku) {
        form.getLines().get(line).setQuantity(quantity);
        form.getLines().get(line).setReason(reason);
        form.getLines().get(line).setReplacementSku(sku);
    }
}
