package io.omnireturns.command.orchestration.engine;

import io.omnireturns.command.StoredMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.command.IssueReturnLabel;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.api.returns.command.RecordFraudAssessment;
import io.omnireturns.api.returns.command.RecordWarehouseAdvised;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.command.RequestReturn;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.orchestration.StepCall;
import io.omnireturns.command.orchestration.StepExecutor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mockingDetails;

/**
 * The engine on the real database, with the remote calls left out: the step executor is a mock that accepts a call
 * and never makes it, which is what a node that died mid-call looks like to the others. Leases of 5 s and a sweep
 * every 200 ms keep the test short.
 */
@CommandSideIntegrationTest
@TestPropertySource(properties = {
        "omnireturns.process.lease=5s",
        "omnireturns.process.sweep-interval=200ms",
        "omnireturns.process.step-retry-backoff=200ms"})
class ReturnProcessEngineIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    StepExecutor steps;
    @Autowired
    ReturnProcessManager manager;

    /** Return id -> its one order line. */
    private final Map<String, String> lines = new ConcurrentHashMap<>();

    @Test
    void a_process_whose_row_is_missing_is_rebuilt_from_the_returns_events() {
        String returnId = authorizedReturn("rebuild-1");
        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.FRAUD_CHECK).size() == 1);

        jdbc.update("DELETE FROM return_process WHERE return_id = ?", returnId);
        manager.forgetCached();
        int fraudChecks = callsOf(returnId, ProcessStep.FRAUD_CHECK).size();
        commands.sendAndWait(new RecordFraudAssessment(returnId, 5, false, List.of()));

        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.ISSUE_LABEL).size() == 1);
        assertThat(callsOf(returnId, ProcessStep.FRAUD_CHECK)).as("the fraud check is known done")
                .hasSize(fraudChecks);
        assertThat(versionOf(returnId)).as("a new row").isEqualTo(1);
    }

    @Test
    void a_step_whose_lease_ran_out_is_called_again_by_the_system_with_the_same_idempotency_key() {
        String returnId = authorizedReturn("lease-1");

        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.FRAUD_CHECK).size() >= 2);

        List<Invocation> fraud = invocationsOf(returnId, ProcessStep.FRAUD_CHECK);
        StepCall first = fraud.get(0).getArgument(0);
        StepCall second = fraud.get(1).getArgument(0);
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.idempotencyKey()).isEqualTo(first.idempotencyKey());
        MetaData retriedBy = fraud.get(1).getArgument(2);
        assertThat(retriedBy)
                .containsEntry("actor", "system")
                .containsEntry("correlationId", "lease-1")
                .containsEntry("trigger", "deadline:step-retry");
    }

    @Test
    void the_sweepers_commands_carry_the_system_as_actor_and_the_returns_correlation_id() {
        String returnId = authorizedReturn("sweep-1");

        await().atMost(PATIENCE).until(() -> !metadataOf(returnId, StepAttemptFailed.class.getName()).isEmpty());

        JsonNode timedOut = metadataOf(returnId, StepAttemptFailed.class.getName()).get(0);
        assertThat(timedOut.path("actor").asText()).isEqualTo("system");
        assertThat(timedOut.path("sourceSystem").asText()).isEqualTo("omnireturns");
        assertThat(timedOut.path("correlationId").asText()).isEqualTo("sweep-1");
        assertThat(timedOut.path("trigger").asText()).isEqualTo("deadline:step-timeout");
    }

    @Test
    void a_label_is_not_called_again_once_the_parcel_is_received() {
        String returnId = authorizedReturn("parcel-1");
        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.FRAUD_CHECK).size() == 1);
        commands.sendAndWait(new RecordFraudAssessment(returnId, 5, false, List.of()));
        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.ISSUE_LABEL).size() == 1);

        // the label call's node died; the customer sent the parcel anyway and the warehouse received it
        commands.sendAndWait(new RecordReceipt(returnId, "RCPT-" + returnId, "DC-1",
                List.of(new ReceivedLine(lineOf(returnId), 1, null))));

        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.NOTIFY_CUSTOMER).stream()
                .anyMatch(call -> call.stepKey().endsWith("RECEIVED")));
        await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(12)) // past the label call's lease
                .until(() -> callsOf(returnId, ProcessStep.ISSUE_LABEL).size() == 1);
    }

    @Test
    void a_process_stored_meanwhile_by_another_node_makes_the_batch_retry_without_a_second_call() {
        String returnId = authorizedReturn("conflict-1");
        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.FRAUD_CHECK).size() == 1);
        long before = versionOf(returnId);

        // another node owned the segment for a moment and stored the process: this node's cached copy is stale
        jdbc.update("UPDATE return_process SET version = version + 1 WHERE return_id = ?", returnId);
        commands.sendAndWait(new RecordFraudAssessment(returnId, 5, false, List.of()));

        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.ISSUE_LABEL).size() == 1);
        assertThat(versionOf(returnId)).as("written over the other node's row").isGreaterThanOrEqualTo(before + 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                callsOf(returnId, ProcessStep.ISSUE_LABEL).stream().filter(call -> call.attempt() == 1).count() == 1);
    }

    @Test
    void an_outcome_that_starts_nothing_leaves_the_row_as_it_was_and_its_readers_catch_up_from_the_events() {
        String returnId = authorizedReturn("lag-1");
        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.FRAUD_CHECK).size() == 1);
        commands.sendAndWait(new RecordFraudAssessment(returnId, 5, false, List.of()));
        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.ISSUE_LABEL).size() == 1);
        commands.sendAndWait(new IssueReturnLabel(returnId, "DHL", "TRK-" + returnId, "https://labels.example/1"));
        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.ADVISE_WAREHOUSE).size() == 1
                && callsOf(returnId, ProcessStep.NOTIFY_CUSTOMER).size() == 1);
        long beforeAdvice = versionOf(returnId);

        // the warehouse answers; the customer notice never does (its node died), and this node forgets its copy
        commands.sendAndWait(new RecordWarehouseAdvised(returnId, "DC-1", "ADV-" + returnId));
        manager.forgetCached();

        // the notice's lease runs out: the sweeper reads the row, which does not know of the advice
        await().atMost(PATIENCE).until(() -> callsOf(returnId, ProcessStep.NOTIFY_CUSTOMER).size() == 2);
        assertThat(versionOf(returnId)).as("written for the notice's second attempt only, not for the advice")
                .isEqualTo(beforeAdvice + 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> callsOf(returnId, ProcessStep.ADVISE_WAREHOUSE).size() == 1); // no timeout taken
    }

    /** A web return of one line, requested and authorized in the conversation {@code correlationId}. */
    private String authorizedReturn(String correlationId) {
        OrderSnapshot order = DemoOrders.copyUnder(orders.findOrder(DemoOrders.WEB_APPAREL_ORDER_ID).orElseThrow(),
                "T-" + UUID.randomUUID().toString().substring(0, 8));
        orders.register(order);
        String returnId = "RET-" + UUID.randomUUID();
        String lineId = order.orderId() + "-L1";
        lines.put(returnId, lineId);
        Map<String, String> conversation = Map.of("correlationId", correlationId, "actor", "web-shop",
                "sourceSystem", "api");
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RequestReturn(returnId, SalesChannel.WEB, null,
                        order.customerId(), RefundMethod.ORIGINAL_TENDER,
                        List.of(new RequestedLine(lineId, 1, ReturnReason.SIZE_OR_FIT)), order))
                .andMetaData(conversation));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordEligibilityDecision(returnId,
                List.of(new LineDecision(lineId, 1, 1, List.of())))).andMetaData(conversation));
        return returnId;
    }

    private String lineOf(String returnId) {
        return lines.get(returnId);
    }

    private List<Invocation> invocationsOf(String returnId, ProcessStep step) {
        return mockingDetails(steps).getInvocations().stream()
                .filter(invocation -> invocation.getMethod().getName().equals("execute"))
                .filter(invocation -> invocation.getArgument(0) instanceof StepCall call
                        && call.returnId().equals(returnId) && call.step() == step)
                .toList();
    }

    private List<StepCall> callsOf(String returnId, ProcessStep step) {
        return invocationsOf(returnId, step).stream().map(invocation -> (StepCall) invocation.getArgument(0)).toList();
    }

    private long versionOf(String returnId) {
        return jdbc.queryForObject("SELECT version FROM return_process WHERE return_id = ?", Long.class, returnId);
    }

    private List<JsonNode> metadataOf(String aggregateId, String payloadType) {
        return StoredMetadata.of(jdbc, aggregateId, payloadType);
    }
}
