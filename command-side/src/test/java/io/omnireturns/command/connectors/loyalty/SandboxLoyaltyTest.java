package io.omnireturns.command.connectors.loyalty;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.omnireturns.command.connectors.common.SandboxAssertions.assertRejected;
import static io.omnireturns.command.connectors.common.SandboxAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

class SandboxLoyaltyTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    private final SandboxLoyalty loyalty = new SandboxLoyalty(SandboxBehaviour.immediate(ExternalSystem.LOYALTY),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} {1} refunded takes back {2} points")
    @CsvSource({
            "1032, EUR, 10",
            "99, EUR, 0",
            "11874, GBP, 118",
            "999, JPY, 999",
            "0, EUR, 0"})
    void one_point_per_whole_major_unit_refunded(long minor, String currency, long points) {
        PointsReversal reversal = loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(minor, currency)));

        assertThat(reversal.pointsReversed()).isEqualTo(points);
    }

    @Test
    void a_reversal_is_made_once_and_written_to_the_ledger() {
        PointsReversal reversal = loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(1032, "EUR")));

        assertThat(reversal).isEqualTo(new PointsReversal("LOY-RV-000001", 10));
        assertThat(loyalty.reversals()).containsExactly(new SandboxLoyalty.Reversal("R-1:REVERSE_LOYALTY",
                "LOY-RV-000001", "R-1", "CUST-100", Money.of(1032, "EUR"), 10, NOW));
    }

    @Test
    void the_same_request_again_answers_the_same_reversal_and_takes_nothing_more() {
        PointsReversal first = loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(1032, "EUR")));

        assertThat(loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(1032, "EUR")))).isEqualTo(first);
        assertThat(loyalty.reversals()).hasSize(1);
        assertThat(loyalty.pointsReversedFrom("CUST-100")).isEqualTo(10);
    }

    @Test
    void another_request_under_a_used_key_is_refused_as_a_conflict() {
        loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(1032, "EUR")));

        assertRejected(() -> loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(2064, "EUR"))),
                "IDEMPOTENCY_CONFLICT");
        assertThat(loyalty.pointsReversedFrom("CUST-100")).isEqualTo(10);
    }

    @Test
    void reversals_of_different_returns_add_up_per_customer() {
        loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(1032, "EUR")));
        loyalty.reversePoints(request("R-2:REVERSE_LOYALTY", Money.of(5000, "EUR")));

        assertThat(loyalty.pointsReversedFrom("CUST-100")).isEqualTo(60);
        assertThat(loyalty.reversals()).extracting(SandboxLoyalty.Reversal::reference)
                .containsExactly("LOY-RV-000001", "LOY-RV-000002");
    }

    @Test
    void a_negative_refund_or_no_customer_is_refused() {
        assertRejected(() -> loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(-100, "EUR"))),
                "INVALID_AMOUNT");
        assertRejected(() -> loyalty.reversePoints(new PointsReversalRequest("R-2:REVERSE_LOYALTY", "R-2", null,
                Money.of(100, "EUR"))), "INVALID_REQUEST");
        assertThat(loyalty.reversals()).isEmpty();
    }

    @Test
    void an_injected_failure_is_retryable_and_takes_nothing() {
        loyalty.behaviour().setFailureRate(1.0);

        assertUnavailable(() -> loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(1032, "EUR"))));
        assertThat(loyalty.reversals()).isEmpty();
    }

    @Test
    void points_reversed_for_a_return_are_given_back_once_per_key_and_written_to_the_ledger() {
        loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(12_000, "EUR")));

        PointsRestoration restoration = loyalty.restorePoints(restore("R-1:RESTORE_LOYALTY", 60));

        assertThat(restoration).isEqualTo(new PointsRestoration("LOY-RS-000001", 60));
        assertThat(loyalty.restorePoints(restore("R-1:RESTORE_LOYALTY", 60))).isEqualTo(restoration);
        assertThat(loyalty.restorations()).containsExactly(new SandboxLoyalty.Restoration("R-1:RESTORE_LOYALTY",
                "LOY-RS-000001", "R-1", "CUST-100", 60, NOW));
        assertThat(loyalty.pointsRestoredFor("R-1")).isEqualTo(60);
    }

    @Test
    void more_points_than_were_reversed_for_the_return_are_refused_and_nothing_is_given_back() {
        loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(12_000, "EUR")));
        loyalty.reversePoints(request("R-2:REVERSE_LOYALTY", Money.of(50_000, "EUR")));
        loyalty.restorePoints(restore("R-1:RESTORE_LOYALTY", 100));

        assertRejected(() -> loyalty.restorePoints(new PointsRestoreRequest("R-1:RESTORE_LOYALTY:2", "R-1",
                "CUST-100", 21)), "POINTS_EXCEED_REVERSED");
        assertRejected(() -> loyalty.restorePoints(restore("R-3:RESTORE_LOYALTY", 1)), "POINTS_EXCEED_REVERSED");
        assertThat(loyalty.pointsRestoredFor("R-1")).isEqualTo(100);
        assertThat(loyalty.restorations()).hasSize(1);
    }

    @Test
    void a_restoration_of_no_points_or_under_a_used_key_for_other_points_is_refused() {
        loyalty.reversePoints(request("R-1:REVERSE_LOYALTY", Money.of(12_000, "EUR")));
        loyalty.restorePoints(restore("R-1:RESTORE_LOYALTY", 60));

        assertRejected(() -> loyalty.restorePoints(restore("R-1:RESTORE_LOYALTY", 61)), "IDEMPOTENCY_CONFLICT");
        assertRejected(() -> loyalty.restorePoints(restore("R-1:RESTORE_LOYALTY:0", 0)), "INVALID_REQUEST");
        assertThat(loyalty.pointsRestoredFor("R-1")).isEqualTo(60);
    }

    private static PointsRestoreRequest restore(String key, long points) {
        return new PointsRestoreRequest(key, key.substring(0, key.indexOf(':')), "CUST-100", points);
    }

    private static PointsReversalRequest request(String key, Money refunded) {
        return new PointsReversalRequest(key, key.substring(0, key.indexOf(':')), "CUST-100", refunded);
    }
}
