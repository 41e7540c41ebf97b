package io.omnireturns.command.connectors.crm;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.omnireturns.command.connectors.common.SandboxAssertions.assertRejected;
import static io.omnireturns.command.connectors.common.SandboxAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

class SandboxCrmTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    private final SandboxCrm crm = new SandboxCrm(SandboxBehaviour.immediate(ExternalSystem.CRM),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_notification_is_sent_once_and_kept() {
        String reference = crm.notifyCustomer(
                notification("R-1:NOTIFY_CUSTOMER:REFUNDED", "Your refund is on its way"));

        assertThat(reference).isEqualTo("MSG-000001");
        assertThat(crm.notifications()).containsExactly(new SandboxCrm.Notification("R-1:NOTIFY_CUSTOMER:REFUNDED",
                "MSG-000001", "R-1", "CUST-100", "REFUNDED", "Your refund is on its way", NOW));
    }

    @Test
    void the_same_notification_again_answers_the_same_reference_and_sends_nothing_more() {
        String first = crm.notifyCustomer(notification("R-1:NOTIFY_CUSTOMER:REFUNDED", "Your refund is on its way"));

        assertThat(crm.notifyCustomer(notification("R-1:NOTIFY_CUSTOMER:REFUNDED", "Your refund is on its way")))
                .isEqualTo(first);
        assertThat(crm.notifications()).hasSize(1);
    }

    @Test
    void another_notification_under_a_used_key_is_refused_as_a_conflict() {
        crm.notifyCustomer(notification("R-1:NOTIFY_CUSTOMER:REFUNDED", "Your refund is on its way"));

        assertRejected(() -> crm.notifyCustomer(notification("R-1:NOTIFY_CUSTOMER:REFUNDED", "Something else")),
                "IDEMPOTENCY_CONFLICT");
        assertThat(crm.notifications()).hasSize(1);
    }

    @Test
    void a_case_is_opened_once_and_kept() {
        CaseRequest request = caseRequest("R-1:OPEN_CASE:EX-1", "refund failed");

        String caseId = crm.openCase(request);

        assertThat(crm.openCase(caseRequest("R-1:OPEN_CASE:EX-1", "refund failed"))).isEqualTo(caseId)
                .isEqualTo("CASE-000001");
        assertThat(crm.cases()).containsExactly(new SandboxCrm.Case("R-1:OPEN_CASE:EX-1", "CASE-000001", "R-1",
                "CUST-100", "RETURN_EXCEPTION", "refund failed", NOW));
    }

    @Test
    void another_case_under_a_used_key_is_refused_as_a_conflict() {
        crm.openCase(caseRequest("R-1:OPEN_CASE:EX-1", "refund failed"));

        assertRejected(() -> crm.openCase(caseRequest("R-1:OPEN_CASE:EX-1", "credit memo failed")),
                "IDEMPOTENCY_CONFLICT");
        assertThat(crm.cases()).hasSize(1);
    }

    @Test
    void each_case_gets_its_own_id() {
        crm.openCase(caseRequest("R-1:OPEN_CASE:EX-1", "refund failed"));
        crm.openCase(caseRequest("R-1:OPEN_CASE:EX-2", "credit memo failed"));

        assertThat(crm.cases()).extracting(SandboxCrm.Case::caseId).containsExactly("CASE-000001", "CASE-000002");
    }

    @Test
    void a_notification_without_a_message_is_refused() {
        assertRejected(() -> crm.notifyCustomer(notification("R-1:NOTIFY_CUSTOMER:REFUNDED", "")), "INVALID_REQUEST");
        assertThat(crm.notifications()).isEmpty();
    }

    @Test
    void an_injected_failure_is_retryable_and_sends_or_opens_nothing() {
        crm.behaviour().setFailureRate(1.0);

        assertUnavailable(() -> crm.notifyCustomer(notification("R-1:NOTIFY_CUSTOMER:REFUNDED", "Refunded")));
        assertUnavailable(() -> crm.openCase(caseRequest("R-1:OPEN_CASE:EX-1", "refund failed")));
        assertThat(crm.notifications()).isEmpty();
        assertThat(crm.cases()).isEmpty();
    }

    private static CustomerNotification notification(String key, String message) {
        return new CustomerNotification(key, "R-1", "CUST-100", "REFUNDED", message);
    }

    private static CaseRequest caseRequest(String key, String detail) {
        return new CaseRequest(key, "R-1", "CUST-100", "RETURN_EXCEPTION", detail);
    }
}
