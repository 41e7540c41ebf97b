package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.omnireturns.command.connectors.common.SandboxAssertions.assertRejected;
import static io.omnireturns.command.connectors.common.SandboxAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox gateway's gift cards: one per idempotency key, to its recipient, with a masked code. */
class SandboxGiftCardTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final CreditRecipient ADA =
            CreditRecipient.giftRecipient("Ada Lovelace", "ada@example.com");

    private final SandboxPaymentGateway gateway = new SandboxPaymentGateway(
            SandboxBehaviour.immediate(ExternalSystem.PAYMENT), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_gift_card_is_issued_to_its_recipient_with_a_masked_code_and_kept_in_the_ledger() {
        GiftCardReceipt receipt = gateway.issueGiftCard(card("R-1:REFUND_PAYMENT", 8394, ADA));

        assertThat(receipt).isEqualTo(new GiftCardReceipt("PSP-GC-000001", "****-****-0001", eur(8394)));
        assertThat(gateway.giftCards()).containsExactly(new SandboxPaymentGateway.GiftCard("R-1:REFUND_PAYMENT",
                "PSP-GC-000001", "****-****-0001", "R-1", eur(8394), ADA, NOW));
        assertThat(gateway.refunds()).isEmpty();
    }

    @Test
    void the_same_instruction_again_answers_the_same_card_and_issues_no_second_one() {
        GiftCardReceipt first = gateway.issueGiftCard(card("R-1:REFUND_PAYMENT", 8394, ADA));
        GiftCardReceipt again = gateway.issueGiftCard(card("R-1:REFUND_PAYMENT", 8394, ADA));

        assertThat(again).isEqualTo(first);
        assertThat(gateway.giftCards()).hasSize(1);
    }

    @Test
    void another_card_under_a_used_key_is_refused_as_a_conflict() {
        gateway.issueGiftCard(card("R-1:REFUND_PAYMENT", 8394, ADA));

        assertRejected(() -> gateway.issueGiftCard(card("R-1:REFUND_PAYMENT", 9000, ADA)), "IDEMPOTENCY_CONFLICT");
        assertThat(gateway.giftCards()).hasSize(1);
    }

    @Test
    void a_card_for_nobody_or_worth_nothing_is_refused() {
        assertRejected(() -> gateway.issueGiftCard(card("R-1:REFUND_PAYMENT", 8394,
                new CreditRecipient(null, "Ada", " "))), "INVALID_REQUEST");
        assertRejected(() -> gateway.issueGiftCard(card("R-2:REFUND_PAYMENT", 0, ADA)), "INVALID_AMOUNT");
        assertThat(gateway.giftCards()).isEmpty();
    }

    @Test
    void a_customers_own_card_is_issued_to_the_customer_on_file() {
        gateway.issueGiftCard(card("R-1:REFUND_PAYMENT", 500, CreditRecipient.customer("CUST-1")));

        assertThat(gateway.giftCards()).singleElement()
                .satisfies(issued -> assertThat(issued.recipient().customerId()).isEqualTo("CUST-1"));
    }

    @Test
    void an_injected_failure_is_retryable_and_issues_nothing() {
        gateway.behaviour().setFailureRate(1.0);

        assertUnavailable(() -> gateway.issueGiftCard(card("R-1:REFUND_PAYMENT", 8394, ADA)));
        assertThat(gateway.giftCards()).isEmpty();
    }

    private static GiftCardInstruction card(String key, long minor, CreditRecipient recipient) {
        return new GiftCardInstruction(key, key.substring(0, key.indexOf(':')), "ORD-1003", eur(minor), recipient);
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
