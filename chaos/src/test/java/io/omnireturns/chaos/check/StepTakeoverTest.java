package io.omnireturns.chaos.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepTakeoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant KILL = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void a_step_is_taken_over_when_another_node_calls_it_again_and_completes_when_its_event_is_stored() {
        JsonNode calls = calls(
                call("node-1", "R1:REFUND_PAYMENT", -2_000),
                call("node-2", "R1:REFUND_PAYMENT", 11_000), // taken over, refused by the gateway
                call("node-2", "R1:REFUND_PAYMENT", 14_000)); // its retry after the back-off
        StoredEvents events = StoredEvents.of(List.of(event("R1", "RefundIssued", 14_500)));

        StepTakeover.Result result = StepTakeover.measure(calls, "node-1", KILL, Duration.ofSeconds(40), events);

        assertThat(result.inFlight()).isEqualTo(1);
        assertThat(result.maxSeconds()).isEqualTo(11.0);
        assertThat(result.maxCompletedSeconds()).isEqualTo(14.5);
        assertThat(result.notTakenOver()).isEmpty();
    }

    @Test
    void a_step_completed_without_another_call_counts_until_its_event() {
        JsonNode calls = calls(call("node-1", "R2:ISSUE_LABEL", -1_000));
        StoredEvents events = StoredEvents.of(List.of(event("R2", "ReturnLabelIssued", 9_000)));

        StepTakeover.Result result = StepTakeover.measure(calls, "node-1", KILL, Duration.ofSeconds(40), events);

        assertThat(result.maxSeconds()).isEqualTo(9.0);
        assertThat(result.maxCompletedSeconds()).isEqualTo(9.0);
    }

    @Test
    void steps_answered_before_the_kill_are_not_in_flight_and_steps_never_answered_are_named() {
        JsonNode calls = calls(
                call("node-1", "R3:POST_CREDIT_MEMO", -5_000),
                call("node-1", "R4:ADVISE_WAREHOUSE", -3_000),
                call("node-2", "R4:ADVISE_WAREHOUSE", -2_000)); // before the kill: not a take-over
        StoredEvents events = StoredEvents.of(List.of(event("R3", "CreditMemoPosted", -4_000)));

        StepTakeover.Result result = StepTakeover.measure(calls, "node-1", KILL, Duration.ofSeconds(40), events);

        assertThat(result.inFlight()).isEqualTo(1);
        assertThat(result.notTakenOver()).containsExactly("R4:ADVISE_WAREHOUSE");
        assertThat(result.maxSeconds()).isZero();
    }

    private static JsonNode calls(JsonNode... calls) {
        ArrayNode array = JSON.createArrayNode();
        for (JsonNode call : calls) {
            array.add(call);
        }
        return array;
    }

    private static JsonNode call(String caller, String key, long millisFromKill) {
        return JSON.createObjectNode().put("caller", caller).put("key", key).put("connector", "any")
                .put("atMillis", KILL.toEpochMilli() + millisFromKill);
    }

    private static StoredEvents.Event event(String returnId, String type, long millisFromKill) {
        return new StoredEvents.Event(returnId, 0, type, KILL.plusMillis(millisFromKill), JSON.createObjectNode());
    }
}
