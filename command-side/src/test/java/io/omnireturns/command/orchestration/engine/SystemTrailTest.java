package io.omnireturns.command.orchestration.engine;

import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.command.orchestration.StepCall;
import io.omnireturns.command.orchestration.process.ProcessAction;
import io.omnireturns.command.orchestration.process.StepKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SystemTrailTest {

    @Test
    void a_call_after_a_failed_attempt_of_its_round_is_the_systems_retry_whatever_its_number() {
        assertThat(SystemTrail.isRetry(call(2, true))).isTrue();
        assertThat(SystemTrail.isRetry(call(7, true))).isTrue();
    }

    @Test
    void the_first_call_of_a_round_is_made_for_whoever_asked_even_after_earlier_rounds() {
        assertThat(SystemTrail.isRetry(call(1, false))).isFalse();
        assertThat(SystemTrail.isRetry(call(6, false))).as("run again from the exception queue by a person").isFalse();
    }

    private static ProcessAction.Call call(int attempt, boolean retry) {
        return new ProcessAction.Call(new StepCall.Label("RET-1", StepKey.of(ProcessStep.ISSUE_LABEL), attempt, null),
                Duration.ZERO, retry);
    }
}
