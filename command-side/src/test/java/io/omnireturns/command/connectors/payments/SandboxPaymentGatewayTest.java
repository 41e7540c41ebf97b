package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.orders.DemoOrders;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.omnireturns.command.connectors.common.SandboxAssertions.assertRejected;
import static io.omnireturns.command.connectors.common.SandboxAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

class SandboxPaymentGatewayTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SandboxPaymentGateway gateway =
            new SandboxPaymentGateway(SandboxBehaviour.immediate(ExternalSystem.PAYMENT), CLOCK);

    @Test
    void a_refund_is_paid_settled_and_written_to_the_ledger() {
        RefundInstruction instruction = cardRefund("R-1:REFUND_PAYMENT", 2500);

        RefundReceipt receipt = gateway.refund(instruction);

        assertThat(receipt).isEqualTo(new RefundReceipt("PSP-RF-000001", eur(2500), true));
        assertThat(gateway.refunds()).containsExactly(new SandboxPaymentGateway.Refund("R-1:REFUND_PAYMENT",
                "PSP-RF-000001", "R-1", "ORD-1001", instruction.tenders(), eur(2500), true, NOW));
    }

    @Test
    void the_same_instruction_again_answers_the_same_receipt_and_pays_nothing_more() {
        RefundInstruction instruction = cardRefund("R-1:REFUND_PAYMENT", 2500);

        RefundReceipt first = gateway.refund(instruction);
        RefundReceipt again = gateway.refund(cardRefund("R-1:REFUND_PAYMENT", 2500));

        assertThat(again).isEqualTo(first);
        assertThat(gateway.refunds()).hasSize(1);
    }

    @Test
    void another_instruction_under_a_used_key_is_refused_as_a_conflict() {
        gateway.refund(cardRefund("R-1:REFUND_PAYMENT", 2500));

        assertRejected(() -> gateway.refund(cardRefund("R-1:REFUND_PAYMENT", 2600)), "IDEMPOTENCY_CONFLICT");
        assertThat(gateway.refunds()).extracting(SandboxPaymentGateway.Refund::amount).containsExactly(eur(2500));
    }

    @Test
    void different_keys_are_different_refunds_with_their_own_references() {
        gateway.refund(cardRefund("R-1:REFUND_PAYMENT", 2500));
        gateway.refund(cardRefund("R-2:REFUND_PAYMENT", 2500));

        assertThat(gateway.refunds()).extracting(SandboxPaymentGateway.Refund::gatewayReference)
                .containsExactly("PSP-RF-000001", "PSP-RF-000002");
    }

    @Test
    void an_injected_failure_is_retryable_and_pays_nothing() {
        gateway.behaviour().setFailureRate(1.0);

        assertUnavailable(() -> gateway.refund(cardRefund("R-1:REFUND_PAYMENT", 2500)));
        assertThat(gateway.refunds()).isEmpty();

        gateway.behaviour().setFailureRate(0);
        assertThat(gateway.refund(cardRefund("R-1:REFUND_PAYMENT", 2500)).gatewayReference())
                .isEqualTo("PSP-RF-000001");
    }

    @Test
    void a_gateway_told_to_settle_later_answers_unsettled_and_keeps_that_answer_for_the_key() {
        gateway.setSettleImmediately(false);
        RefundReceipt receipt = gateway.refund(cardRefund("R-1:REFUND_PAYMENT", 2500));
        gateway.setSettleImmediately(true);

        assertThat(receipt.settled()).isFalse();
        assertThat(gateway.refund(cardRefund("R-1:REFUND_PAYMENT", 2500)).settled()).isFalse();
        assertThat(gateway.refunds()).extracting(SandboxPaymentGateway.Refund::settled).containsExactly(false);
    }

    @Test
    void one_key_sent_by_many_callers_at_once_pays_once() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            Callable<RefundReceipt> call = () -> gateway.refund(cardRefund("R-1:REFUND_PAYMENT", 2500));
            List<Future<RefundReceipt>> answers =
                    callers.invokeAll(IntStream.range(0, 50).mapToObj(n -> call).toList());

            for (Future<RefundReceipt> answer : answers) {
                assertThat(answer.get().gatewayReference()).isEqualTo("PSP-RF-000001");
            }
            assertThat(gateway.refunds()).hasSize(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Nested
    class Refuses {

        @Test
        void tender_parts_that_do_not_add_up_to_the_amount() {
            RefundInstruction instruction = new RefundInstruction("R-1:REFUND_PAYMENT", "R-1", "ORD-1002",
                    List.of(tender("ORD-1002-T1", TenderType.CARD, 1000),
                            tender("ORD-1002-T2", TenderType.GIFT_CARD, 500)),
                    eur(1600));

            assertRejected(() -> gateway.refund(instruction), "AMOUNT_MISMATCH");
            assertThat(gateway.refunds()).isEmpty();
        }

        @Test
        void a_tender_part_in_another_currency() {
            RefundInstruction instruction = new RefundInstruction("R-1:REFUND_PAYMENT", "R-1", "ORD-1001",
                    List.of(new TenderRefund("ORD-1001-T1", TenderType.CARD, Money.of(2500, "GBP"))), eur(2500));

            assertRejected(() -> gateway.refund(instruction), "CURRENCY_MISMATCH");
        }

        @Test
        void a_refund_of_nothing_or_less() {
            assertRejected(() -> gateway.refund(cardRefund("R-1:REFUND_PAYMENT", 0)), "INVALID_AMOUNT");
            assertRejected(() -> gateway.refund(cardRefund("R-2:REFUND_PAYMENT", -100)), "INVALID_AMOUNT");
        }

        @Test
        void a_tender_part_of_nothing_even_when_the_parts_add_up() {
            RefundInstruction instruction = new RefundInstruction("R-1:REFUND_PAYMENT", "R-1", "ORD-1002",
                    List.of(tender("ORD-1002-T1", TenderType.CARD, 1000),
                            tender("ORD-1002-T2", TenderType.GIFT_CARD, 0)),
                    eur(1000));

            assertRejected(() -> gateway.refund(instruction), "INVALID_AMOUNT");
        }

        @Test
        void a_refund_naming_no_tender() {
            RefundInstruction instruction = new RefundInstruction("R-1:REFUND_PAYMENT", "R-1", "ORD-1001",
                    List.of(), eur(1000));

            assertRejected(() -> gateway.refund(instruction), "INVALID_REQUEST");
        }

        @Test
        void a_refund_without_an_idempotency_key() {
            assertRejected(() -> gateway.refund(cardRefund(" ", 2500)), "IDEMPOTENCY_KEY_MISSING");
        }

        @Test
        void nothing_of_a_rejected_refund_so_the_key_can_carry_the_corrected_one() {
            RefundInstruction wrong = new RefundInstruction("R-1:REFUND_PAYMENT", "R-1", "ORD-1001",
                    List.of(tender("ORD-1001-T1", TenderType.CARD, 2400)), eur(2500));
            assertRejected(() -> gateway.refund(wrong), "AMOUNT_MISMATCH");

            assertThat(gateway.refund(cardRefund("R-1:REFUND_PAYMENT", 2500)).gatewayReference())
                    .isEqualTo("PSP-RF-000001");
        }
    }

    /** With the order system's orders, the gateway knows what each tender captured. */
    @Nested
    class KnowingTheCaptures {

        // ORD-1001 captured 365.58 EUR on ORD-1001-T1; ORD-1002 82.00 on card T1 and 50.00 on gift card T2
        private final Map<String, OrderSnapshot> orders = Map.of(
                "ORD-1001", DemoOrders.webApparelOrder(NOW),
                "ORD-1002", DemoOrders.webBundleAndDiscountOrder(NOW));
        private final SandboxPaymentGateway capturing = new SandboxPaymentGateway(
                SandboxBehaviour.immediate(ExternalSystem.PAYMENT), CLOCK,
                orderId -> Optional.ofNullable(orders.get(orderId)));

        @Test
        void refunds_up_to_the_capture_across_refunds_and_refuses_a_cent_more() {
            capturing.refund(cardRefund("R-1:REFUND_PAYMENT", 30000));
            capturing.refund(cardRefund("R-2:REFUND_PAYMENT", 6558));

            assertRejected(() -> capturing.refund(cardRefund("R-3:REFUND_PAYMENT", 1)), "REFUND_EXCEEDS_CAPTURE");
            assertThat(capturing.refunds()).hasSize(2);
        }

        @Test
        void the_same_refund_repeated_does_not_count_against_the_capture_twice() {
            capturing.refund(cardRefund("R-1:REFUND_PAYMENT", 36558));

            assertThat(capturing.refund(cardRefund("R-1:REFUND_PAYMENT", 36558)).gatewayReference())
                    .isEqualTo("PSP-RF-000001");
        }

        @Test
        void caps_each_tender_of_a_split_payment_on_its_own() {
            RefundInstruction tooMuchOnTheGiftCard = new RefundInstruction("R-1:REFUND_PAYMENT", "R-1", "ORD-1002",
                    List.of(tender("ORD-1002-T1", TenderType.CARD, 1000),
                            tender("ORD-1002-T2", TenderType.GIFT_CARD, 5001)),
                    eur(6001));

            assertRejected(() -> capturing.refund(tooMuchOnTheGiftCard), "REFUND_EXCEEDS_CAPTURE");
        }

        @Test
        void refuses_a_tender_the_order_was_not_paid_with() {
            RefundInstruction instruction = new RefundInstruction("R-1:REFUND_PAYMENT", "R-1", "ORD-1001",
                    List.of(tender("ORD-1002-T1", TenderType.CARD, 1000)), eur(1000));

            assertRejected(() -> capturing.refund(instruction), "UNKNOWN_TENDER");
        }

        @Test
        void refuses_a_refund_in_another_currency_than_the_order() {
            RefundInstruction instruction = new RefundInstruction("R-1:REFUND_PAYMENT", "R-1", "ORD-1001",
                    List.of(new TenderRefund("ORD-1001-T1", TenderType.CARD, Money.of(1000, "GBP"))),
                    Money.of(1000, "GBP"));

            assertRejected(() -> capturing.refund(instruction), "CURRENCY_MISMATCH");
        }

        @Test
        void issues_new_store_credit_without_a_capture() {
            RefundInstruction instruction = new RefundInstruction("R-1:REFUND_PAYMENT", "R-1", "ORD-1001",
                    List.of(tender("STORE_CREDIT", TenderType.STORE_CREDIT, 50000)), eur(50000));

            assertThat(capturing.refund(instruction).amount()).isEqualTo(eur(50000));
        }

        @Test
        void checks_only_the_arithmetic_of_an_order_it_does_not_know() {
            RefundInstruction instruction = new RefundInstruction("R-1:REFUND_PAYMENT", "R-1", "ORD-ELSEWHERE",
                    List.of(tender("ELSEWHERE-T1", TenderType.CARD, 99999)), eur(99999));

            assertThat(capturing.refund(instruction).settled()).isTrue();
        }
    }

    private static RefundInstruction cardRefund(String key, long minor) {
        String returnId = key.substring(0, key.indexOf(':') < 0 ? key.length() : key.indexOf(':'));
        return new RefundInstruction(key, returnId, "ORD-1001",
                List.of(tender("ORD-1001-T1", TenderType.CARD, minor)), eur(minor));
    }

    private static TenderRefund tender(String tenderId, TenderType type, long minor) {
        return new TenderRefund(tenderId, type, eur(minor));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
