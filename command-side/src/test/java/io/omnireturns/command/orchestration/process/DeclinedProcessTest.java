package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.ReturnDeclined;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.omnireturns.command.orchestration.process.Milestone.REJECTED;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.commands;
import static io.omnireturns.command.orchestration.process.ProcessRun.given;
import static io.omnireturns.command.orchestration.process.ProcessRun.notice;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** A return declined by a person ends like a rejection: the customer is told, and nothing else starts. */
class DeclinedProcessTest {

    private final ReturnStory story = ReturnStory.mailBack();

    @Test
    void a_return_declined_before_its_fraud_check_tells_the_customer_and_starts_no_step() {
        List<ProcessAction> actions = given(story.upToAuthorization()).when(declined(ReturnStatus.AUTHORIZED));

        assertThat(calledKeys(actions)).containsExactly(notice(REJECTED));
        assertThat(commands(actions)).isEmpty();
    }

    @Test
    void a_return_declined_after_inspection_decides_no_refund_and_moves_no_stock() {
        List<ProcessAction> actions = given(story.upToInspection()).when(declined(ReturnStatus.INSPECTED));

        assertThat(calledKeys(actions)).containsExactly(notice(REJECTED));
        assertThat(commands(actions)).isEmpty();
    }

    @Test
    void a_return_declined_while_held_starts_nothing_when_the_hold_would_have_been_resolved() {
        ProcessRun run = given(story.upToInspection(),
                story.putOnHold(HoldReason.MANUAL, ExternalSystem.CRM, ReturnStatus.INSPECTED));

        List<ProcessAction> actions = run.when(declined(ReturnStatus.ON_HOLD));

        assertThat(calledKeys(actions)).containsExactly(notice(REJECTED));
        assertThat(commands(actions)).isEmpty();
    }

    @Test
    void once_the_customer_knows_of_the_decline_the_process_is_finished() {
        ProcessRun run = given(story.upToInspection(), declined(ReturnStatus.INSPECTED));

        List<ProcessAction> actions = run.when(story.notified(REJECTED));

        assertThat(actions).isEmpty();
        assertThat(run.process().finished()).isTrue();
    }

    private static ReturnDeclined declined(ReturnStatus from) {
        return new ReturnDeclined(RETURN_ID, "ORD-1001", DeclineReason.DAMAGED_BY_CUSTOMER, null, "service-agent", from);
    }
}
