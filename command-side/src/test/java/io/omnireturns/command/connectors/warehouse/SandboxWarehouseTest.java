package io.omnireturns.command.connectors.warehouse;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.omnireturns.command.connectors.common.SandboxAssertions.assertRejected;
import static io.omnireturns.command.connectors.common.SandboxAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

class SandboxWarehouseTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final List<ReceiptAdvice.ExpectedItem> JACKET_AND_TEE = List.of(
            new ReceiptAdvice.ExpectedItem("ORD-1001-L1", "JKT-RAIN-NVY-M", 1),
            new ReceiptAdvice.ExpectedItem("ORD-1001-L3", "TEE-ORG-WHT-L", 2));

    private final SandboxWarehouse warehouse = new SandboxWarehouse(
            SandboxBehaviour.immediate(ExternalSystem.WAREHOUSE), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void an_advice_is_taken_once_and_written_to_the_ledger() {
        String reference = warehouse.adviseExpectedReceipt(advice("R-1:ADVISE_WAREHOUSE", JACKET_AND_TEE));

        assertThat(reference).isEqualTo("ASN-000001");
        assertThat(warehouse.advices()).containsExactly(new SandboxWarehouse.Advice("R-1:ADVISE_WAREHOUSE",
                "ASN-000001", "R-1", "DC-EAST", "SANDBOX-1Z000000001", JACKET_AND_TEE, NOW));
    }

    @Test
    void the_same_advice_again_answers_the_same_reference() {
        String first = warehouse.adviseExpectedReceipt(advice("R-1:ADVISE_WAREHOUSE", JACKET_AND_TEE));

        assertThat(warehouse.adviseExpectedReceipt(advice("R-1:ADVISE_WAREHOUSE", JACKET_AND_TEE))).isEqualTo(first);
        assertThat(warehouse.advices()).hasSize(1);
    }

    @Test
    void another_advice_under_a_used_key_is_refused_as_a_conflict() {
        warehouse.adviseExpectedReceipt(advice("R-1:ADVISE_WAREHOUSE", JACKET_AND_TEE));

        ReceiptAdvice jacketOnly = advice("R-1:ADVISE_WAREHOUSE", JACKET_AND_TEE.subList(0, 1));

        assertRejected(() -> warehouse.adviseExpectedReceipt(jacketOnly), "IDEMPOTENCY_CONFLICT");
        assertThat(warehouse.advices()).hasSize(1);
    }

    @Test
    void a_return_brought_to_a_store_is_advised_without_a_tracking_number() {
        ReceiptAdvice advice = new ReceiptAdvice("R-1:ADVISE_WAREHOUSE", "R-1", "STORE-001", null, JACKET_AND_TEE);

        assertThat(warehouse.adviseExpectedReceipt(advice)).isEqualTo("ASN-000001");
    }

    @Test
    void an_advice_of_nothing_or_of_no_units_is_refused() {
        assertRejected(() -> warehouse.adviseExpectedReceipt(advice("R-1:ADVISE_WAREHOUSE", List.of())),
                "INVALID_REQUEST");
        assertRejected(() -> warehouse.adviseExpectedReceipt(advice("R-2:ADVISE_WAREHOUSE",
                List.of(new ReceiptAdvice.ExpectedItem("ORD-1001-L1", "JKT-RAIN-NVY-M", 0)))), "INVALID_REQUEST");
        assertThat(warehouse.advices()).isEmpty();
    }

    @Test
    void an_injected_failure_is_retryable_and_advises_nothing() {
        warehouse.behaviour().setFailureRate(1.0);

        assertUnavailable(() -> warehouse.adviseExpectedReceipt(advice("R-1:ADVISE_WAREHOUSE", JACKET_AND_TEE)));
        assertThat(warehouse.advices()).isEmpty();
    }

    private static ReceiptAdvice advice(String key, List<ReceiptAdvice.ExpectedItem> items) {
        return new ReceiptAdvice(key, key.substring(0, key.indexOf(':')), "DC-EAST", "SANDBOX-1Z000000001", items);
    }
}
