package io.omnireturns.command.orchestration;

import io.omnireturns.api.returns.ProcessStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepKeysTest {

    @ParameterizedTest
    @EnumSource(ProcessStep.class)
    void a_key_without_an_argument_is_the_name_of_its_step(ProcessStep step) {
        assertThat(StepKeys.stepOf(step.name())).isEqualTo(step);
    }

    @Test
    void the_single_step_keys_are_their_step_names() {
        assertThat(StepKeys.FRAUD_CHECK).isEqualTo("FRAUD_CHECK");
        assertThat(StepKeys.ISSUE_LABEL).isEqualTo("ISSUE_LABEL");
        assertThat(StepKeys.ADVISE_WAREHOUSE).isEqualTo("ADVISE_WAREHOUSE");
        assertThat(StepKeys.REFUND_PAYMENT).isEqualTo("REFUND_PAYMENT");
        assertThat(StepKeys.REPLACEMENT_ORDER).isEqualTo("REPLACEMENT_ORDER");
        assertThat(StepKeys.POST_CREDIT_MEMO).isEqualTo("POST_CREDIT_MEMO");
        assertThat(StepKeys.REVERSE_LOYALTY).isEqualTo("REVERSE_LOYALTY");
    }

    @Test
    void an_inventory_key_names_the_step_and_the_order_line() {
        String key = StepKeys.inventory("ORD-1001-L1");

        assertThat(key).isEqualTo("ADJUST_INVENTORY:ORD-1001-L1");
        assertThat(StepKeys.stepOf(key)).isEqualTo(ProcessStep.ADJUST_INVENTORY);
        assertThat(StepKeys.argumentOf(key)).isEqualTo("ORD-1001-L1");
    }

    @Test
    void a_notification_key_names_the_step_and_the_milestone() {
        String key = StepKeys.notification("LABEL_ISSUED");

        assertThat(key).isEqualTo("NOTIFY_CUSTOMER:LABEL_ISSUED");
        assertThat(StepKeys.stepOf(key)).isEqualTo(ProcessStep.NOTIFY_CUSTOMER);
        assertThat(StepKeys.argumentOf(key)).isEqualTo("LABEL_ISSUED");
    }

    @Test
    void a_case_key_names_the_step_and_the_exception() {
        String key = StepKeys.openCase("EX-RET-1-1");

        assertThat(key).isEqualTo("OPEN_CASE:EX-RET-1-1");
        assertThat(StepKeys.stepOf(key)).isEqualTo(ProcessStep.OPEN_CASE);
        assertThat(StepKeys.argumentOf(key)).isEqualTo("EX-RET-1-1");
    }

    @Test
    void an_argument_that_holds_the_separator_itself_comes_back_whole() {
        String key = StepKeys.inventory("LEGACY:42");

        assertThat(StepKeys.stepOf(key)).isEqualTo(ProcessStep.ADJUST_INVENTORY);
        assertThat(StepKeys.argumentOf(key)).isEqualTo("LEGACY:42");
    }

    @Test
    void a_key_of_no_known_step_is_refused() {
        assertThatThrownBy(() -> StepKeys.stepOf("REFUND_SETTLEMENT")).isInstanceOf(IllegalArgumentException.class);
    }
}
