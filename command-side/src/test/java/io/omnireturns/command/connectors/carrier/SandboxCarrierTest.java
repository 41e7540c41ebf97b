package io.omnireturns.command.connectors.carrier;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.omnireturns.command.connectors.common.SandboxAssertions.assertRejected;
import static io.omnireturns.command.connectors.common.SandboxAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

class SandboxCarrierTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    private final SandboxCarrier carrier = new SandboxCarrier(SandboxBehaviour.immediate(ExternalSystem.CARRIER),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_label_is_issued_once_and_written_to_the_ledger() {
        ReturnLabel label = carrier.issueLabel(request("R-1:ISSUE_LABEL", 2));

        assertThat(label.carrier()).isEqualTo(SandboxCarrier.CARRIER_NAME);
        assertThat(label.trackingNumber()).isEqualTo("SANDBOX-1Z000000001");
        assertThat(label.labelUrl()).contains(label.trackingNumber());
        assertThat(carrier.labels()).containsExactly(new SandboxCarrier.Label("R-1:ISSUE_LABEL",
                "SANDBOX-1Z000000001", "R-1", "CUST-100", "DC-EAST", 2, label.labelUrl(), NOW));
    }

    @Test
    void the_same_request_again_answers_the_same_label() {
        ReturnLabel first = carrier.issueLabel(request("R-1:ISSUE_LABEL", 2));

        assertThat(carrier.issueLabel(request("R-1:ISSUE_LABEL", 2))).isEqualTo(first);
        assertThat(carrier.labels()).hasSize(1);
    }

    @Test
    void another_request_under_a_used_key_is_refused_as_a_conflict() {
        carrier.issueLabel(request("R-1:ISSUE_LABEL", 2));

        assertRejected(() -> carrier.issueLabel(request("R-1:ISSUE_LABEL", 3)), "IDEMPOTENCY_CONFLICT");
        assertThat(carrier.labels()).hasSize(1);
    }

    @Test
    void every_label_has_its_own_tracking_number() {
        carrier.issueLabel(request("R-1:ISSUE_LABEL", 2));
        carrier.issueLabel(request("R-2:ISSUE_LABEL", 2));

        assertThat(carrier.labels()).extracting(SandboxCarrier.Label::trackingNumber)
                .containsExactly("SANDBOX-1Z000000001", "SANDBOX-1Z000000002");
    }

    @Test
    void a_label_for_no_items_or_nowhere_is_refused() {
        assertRejected(() -> carrier.issueLabel(request("R-1:ISSUE_LABEL", 0)), "INVALID_REQUEST");
        assertRejected(() -> carrier.issueLabel(new LabelRequest("R-2:ISSUE_LABEL", "R-2", "CUST-100", " ", 1)),
                "INVALID_REQUEST");
        assertThat(carrier.labels()).isEmpty();
    }

    @Test
    void an_injected_failure_is_retryable_and_issues_nothing() {
        carrier.behaviour().setFailureRate(1.0);

        assertUnavailable(() -> carrier.issueLabel(request("R-1:ISSUE_LABEL", 2)));
        assertThat(carrier.labels()).isEmpty();
    }

    private static LabelRequest request(String key, int items) {
        return new LabelRequest(key, key.substring(0, key.indexOf(':')), "CUST-100", "DC-EAST", items);
    }
}
