package io.omnireturns.command.returns.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.config.CommandSideProperties;
import io.omnireturns.command.FreshOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Idempotency-Keys of {@code POST /api/v1/returns}: one namespace per signed-in caller, and a retention that forgets
 * answered keys only (run with a clock moved past the retention; the scheduled task runs with the real clock).
 */
@CommandSideIntegrationTest
class ReturnRequestIdempotencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    ReturnRequestIdempotency idempotency;
    @Autowired
    CommandSideProperties properties;

    // ---- one namespace per caller ----------------------------------------------------------------

    @Test
    void two_callers_may_use_the_same_key_for_different_requests_independently() throws Exception {
        String orderId = freshOrder();
        String key = "till-0001";
        String webShopBody = body(orderId, 1);
        String associateBody = body(orderId, 3);

        String webShopReturn = returnIdOf(request("web-shop", "CHANNEL", key, webShopBody).andExpect(status().isCreated()));
        String associateReturn = returnIdOf(request("store-associate-17", "STORE_ASSOCIATE", key, associateBody)
                .andExpect(status().isCreated()));

        assertThat(associateReturn).isNotEqualTo(webShopReturn);
        assertThat(returnIdOf(request("web-shop", "CHANNEL", key, webShopBody).andExpect(status().isCreated())))
                .as("each caller's repeat answers its own return").isEqualTo(webShopReturn);
        assertThat(returnIdOf(request("store-associate-17", "STORE_ASSOCIATE", key, associateBody)
                .andExpect(status().isCreated()))).isEqualTo(associateReturn);
        assertThat(jdbc.queryForList("SELECT caller FROM return_request_idempotency WHERE idempotency_key = ?",
                String.class, key)).containsExactlyInAnyOrder("web-shop", "store-associate-17");
    }

    @Test
    void one_caller_reusing_its_key_for_another_body_is_still_refused() throws Exception {
        String orderId = freshOrder();
        String key = "web-" + UUID.randomUUID();
        request("web-shop", "CHANNEL", key, body(orderId, 1)).andExpect(status().isCreated());
        // another caller holding the same key with the first body changes nothing for this one
        request("pos", "CHANNEL", key, body(orderId, 1)).andExpect(status().isCreated());

        request("web-shop", "CHANNEL", key, body(orderId, 3))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        request("pos", "CHANNEL", key, body(orderId, 3))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        assertThat(returnsOf(orderId)).as("one return per caller, none for the refused reuses").isEqualTo(2);
    }

    @Test
    void the_namespace_is_the_signed_in_caller_and_not_the_actor_a_client_names() throws Exception {
        String orderId = freshOrder();
        String key = "pos-" + UUID.randomUUID();
        String body = body(orderId, 1);

        String first = returnIdOf(mvc.perform(requestBuilder("pos", "CHANNEL", key, body)
                .header("X-Actor", "cashier-1")).andExpect(status().isCreated()));
        // the same till, another cashier: still the till's key, so the same return
        String second = returnIdOf(mvc.perform(requestBuilder("pos", "CHANNEL", key, body)
                .header("X-Actor", "cashier-2")).andExpect(status().isCreated()));

        assertThat(second).isEqualTo(first);
        assertThat(returnsOf(orderId)).isEqualTo(1);
        // what V4 reads to give keys written before it their caller
        assertThat(jdbc.queryForObject("""
                SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'actor' FROM domainevententry
                WHERE aggregateidentifier = ? AND sequencenumber = 0""", String.class, first))
                .isEqualTo("pos on behalf of cashier-1");
    }

    @Test
    void a_caller_name_longer_than_the_column_still_has_a_namespace_of_its_own() {
        String longName = "https://idp.example.com/clients/" + "x".repeat(300);
        Instant now = Instant.now();

        var first = idempotency.claim(longName, "k-1", "h", now, Duration.ofSeconds(30));
        var again = idempotency.claim(longName, "k-1", "h", now, Duration.ofSeconds(30));
        var otherLongName = idempotency.claim(longName + "y", "k-1", "h", now, Duration.ofSeconds(30));

        assertThat(first).isInstanceOf(ReturnRequestIdempotency.Claimed.class);
        assertThat(again).isInstanceOf(ReturnRequestIdempotency.InProgress.class);
        assertThat(otherLongName).isInstanceOf(ReturnRequestIdempotency.Claimed.class);
    }

    // ---- retention -------------------------------------------------------------------------------

    @Test
    void answered_keys_are_forgotten_after_the_retention_and_unanswered_claims_never() {
        Instant answeredAt = answeredAt();
        String caller = "retention-" + UUID.randomUUID();
        var answered = (ReturnRequestIdempotency.Claimed) idempotency.claim(caller, "answered", "h1", answeredAt,
                Duration.ofSeconds(30));
        idempotency.answer(caller, "answered", answered.returnId(), 201, "{}", answeredAt);
        idempotency.claim(caller, "in-progress", "h2", answeredAt.minus(Duration.ofDays(3650)), Duration.ofSeconds(30));

        retentionAt(answeredAt.plus(properties.idempotencyRetention()).minusSeconds(1)).purge();
        assertThat(keysOf(caller)).containsExactlyInAnyOrder("answered", "in-progress");

        retentionAt(answeredAt.plus(properties.idempotencyRetention()).plusSeconds(1)).purge();
        assertThat(keysOf(caller)).as("an unanswered claim, whatever its age (ten years)").containsExactly("in-progress");
        // a forgotten key starts a new request
        assertThat(idempotency.claim(caller, "answered", "h1", Instant.now(), Duration.ofSeconds(30)))
                .isInstanceOf(ReturnRequestIdempotency.Claimed.class);
    }

    @Test
    void many_answered_keys_go_in_batches_and_a_second_run_finds_nothing() {
        Instant answeredAt = answeredAt();
        String caller = "bulk-" + UUID.randomUUID();
        int keys = IdempotencyRetention.BATCH_SIZE + 200;
        jdbc.update("""
                INSERT INTO return_request_idempotency (caller, idempotency_key, request_hash, return_id, response_status,
                    response_body, created_at, answered_at)
                SELECT ?, 'k-' || n, 'h', 'r-' || n, 201, '{}', ?, ? FROM generate_series(1, ?) AS n""",
                caller, Timestamp.from(answeredAt), Timestamp.from(answeredAt), keys);
        Instant later = answeredAt.plus(properties.idempotencyRetention()).plusSeconds(1);

        assertThat(retentionAt(later).purge()).isGreaterThanOrEqualTo(keys);
        assertThat(keysOf(caller)).isEmpty();
        assertThat(retentionAt(later).purge()).isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /**
     * The database is shared with every other test and a purge deletes whatever was answered before its cut-off: this
     * test's keys were answered ten minutes short of the retention ago, so its purges (cut-off at most a second after
     * that) delete nothing the scheduled purge would not delete within minutes, never the keys other tests answer now.
     */
    private Instant answeredAt() {
        return Instant.now().minus(properties.idempotencyRetention()).plus(Duration.ofMinutes(10));
    }

    private IdempotencyRetention retentionAt(Instant now) {
        return new IdempotencyRetention(idempotency, properties, Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<String> keysOf(String caller) {
        return jdbc.queryForList("SELECT idempotency_key FROM return_request_idempotency WHERE caller = ?",
                String.class, caller);
    }

    private ResultActions request(String caller, String role, String key, String body) throws Exception {
        return mvc.perform(requestBuilder(caller, role, key, body));
    }

    private MockHttpServletRequestBuilder requestBuilder(String caller, String role, String key, String body) {
        return post("/api/v1/returns").with(user(caller).roles(role)).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).content(body);
    }

    private static String body(String orderId, int line) {
        return """
                {"orderId": "%1$s", "channel": "WEB", "lines": [
                  {"orderLineId": "%1$s-L%2$d", "quantity": 1, "reason": "SIZE_OR_FIT"}]}""".formatted(orderId, line);
    }

    private static String returnIdOf(ResultActions result) throws Exception {
        JsonNode answer = JSON.readTree(result.andReturn().getResponse().getContentAsString());
        return answer.path("returnId").asText();
    }

    private int returnsOf(String orderId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE sequencenumber = 0 AND type = 'ReturnAggregate'
                  AND convert_from(payload, 'UTF8') LIKE ?""", Integer.class, "%\"orderId\":\"" + orderId + "\"%");
    }

    private String freshOrder() {
        return FreshOrders.copyOfWebApparelOrder(orders);
    }
}
