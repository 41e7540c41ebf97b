package io.omnireturns.distribution.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Re-publishing from a point in time through the operations endpoint, against the test's real broker. */
class KafkaRepublicationTest extends KafkaTestBase {

    private static final String PATH = "/api/v1/admin/kafka/republications";
    private static final String REPLAY_TOPIC = "omnireturns.returns.v1.replay";
    private static final String OUTAGE_TOPIC = "omnireturns.returns.v1.after-outage";

    @Test
    void a_republication_sends_every_canonical_event_stored_since_the_instant_again_to_another_topic() {
        String earlier = returns.returnReceivedAtStore();
        Instant from = lastStoredAt(earlier).plusMillis(1);
        List<String> since = returns.returnsReceivedAtStore(2);

        ResponseEntity<JsonNode> started = post("operations", Map.of("from", from.toString(), "topic", REPLAY_TOPIC));

        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(202);
        String location = started.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo(PATH + "/" + started.getBody().path("id").asText());
        assertThat(started.getBody().path("topic").asText()).isEqualTo(REPLAY_TOPIC);
        JsonNode finished = await().atMost(PATIENCE).until(() -> get("operations", location).getBody(),
                status -> !"RUNNING".equals(status.path("state").asText()));
        assertThat(finished.path("state").asText()).as(String.valueOf(finished)).isEqualTo("COMPLETED");
        assertThat(finished.path("eventsPublished").asLong()).isPositive();
        assertThat(get("operations", PATH).getBody().get(0).path("id").asText())
                .isEqualTo(finished.path("id").asText());

        try (TopicReader replay = new TopicReader(BROKER.bootstrapServers(), REPLAY_TOPIC)) {
            awaitEveryCanonicalEventOnce(replay, since);
            assertThat(replay.poll()).as("only events stored at or after " + from).allSatisfy(record ->
                    assertThat(Instant.parse(record.json().path("time").asText())).isAfterOrEqualTo(from));
        }
    }

    @Test
    void a_republication_is_refused_with_a_clear_error_for_bad_input_and_for_other_roles() {
        assertProblem(post("operations", Map.of("from", "2999-01-01T00:00:00Z")), 400, "INVALID_TIME_RANGE");
        assertProblem(post("operations", Map.of("from", "2000-01-01T00:00:00Z", "topic", "not a topic")), 400,
                "INVALID_TOPIC");
        assertProblem(post("operations", Map.of("topic", REPLAY_TOPIC)), 400, "VALIDATION_FAILED");
        assertProblem(post("warehouse", Map.of("from", "2000-01-01T00:00:00Z")), 403, "ACCESS_DENIED");
        assertProblem(get("operations", PATH + "/no-such-republication"), 404, "UNKNOWN_REPUBLICATION");
    }

    @Test
    void a_second_republication_is_refused_while_one_runs_and_a_failed_one_is_simply_started_again() {
        returns.returnReceivedAtStore();
        Map<String, String> everything = Map.of("from", "2000-01-01T00:00:00Z", "topic", OUTAGE_TOPIC);
        BROKER.cut();
        try {
            ResponseEntity<JsonNode> first = post("operations", everything);
            assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(202);

            assertProblem(post("operations", everything), 409, "REPUBLICATION_IN_PROGRESS");
            JsonNode failed = await().atMost(PATIENCE).until(
                    () -> get("operations", first.getHeaders().getLocation().toString()).getBody(),
                    status -> !"RUNNING".equals(status.path("state").asText()));
            assertThat(failed.path("state").asText()).as(String.valueOf(failed)).isEqualTo("FAILED");
            assertThat(failed.path("error").asText()).isNotBlank();
        } finally {
            BROKER.restore();
        }

        ResponseEntity<JsonNode> again = post("operations", everything);
        assertThat(again.getStatusCode().value()).as(String.valueOf(again.getBody())).isEqualTo(202);
        JsonNode completed = await().atMost(PATIENCE).until(
                () -> get("operations", again.getHeaders().getLocation().toString()).getBody(),
                status -> !"RUNNING".equals(status.path("state").asText()));
        assertThat(completed.path("state").asText()).as(String.valueOf(completed)).isEqualTo("COMPLETED");
        assertThat(completed.path("eventsRead").asLong()).isPositive();
    }

    private Instant lastStoredAt(String returnId) {
        return eventStore.readEvents(returnId).asStream().map(DomainEventMessage::getTimestamp)
                .max(Instant::compareTo).orElseThrow();
    }

    private ResponseEntity<JsonNode> post(String user, Map<String, String> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(PATH, HttpMethod.POST,
                new HttpEntity<>(new HashMap<>(body), headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    static void assertProblem(ResponseEntity<JsonNode> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.getBody().path("code").asText()).isEqualTo(code);
    }
}
