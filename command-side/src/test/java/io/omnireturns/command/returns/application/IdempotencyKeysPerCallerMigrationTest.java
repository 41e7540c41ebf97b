package io.omnireturns.command.returns.application;

import io.omnireturns.command.CommandSideIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V4 on a database that already holds keys: it runs the migrations up to V3 into a schema of its own, writes keys
 * as the old code did, then migrates on, and checks whose namespace each key landed in.
 */
@CommandSideIntegrationTest
class IdempotencyKeysPerCallerMigrationTest {

    private final String schema = "v4_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void dropSchema() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void the_migration_leaves_no_helper_behind_on_its_pooled_connection_and_runs_again_on_the_same_one() {
        // a second database migrated on the same connection pool: the session-local helper must not be in the way
        keys_written_before_belong_to_the_caller_who_created_their_return();
        dropSchema();
        keys_written_before_belong_to_the_caller_who_created_their_return();
    }

    @Test
    void keys_written_before_belong_to_the_caller_who_created_their_return() {
        migrate("axon", "classpath:db/migration/axon", "flyway_history_axon", null);
        migrate("command", "classpath:db/migration/command", "flyway_history_command", "3");
        event("R-POS", "{\"actor\":\"pos on behalf of cashier-17\",\"sourceSystem\":\"api\"}");
        event("R-WEB", "{\"actor\":\"web-shop\",\"correlationId\":\"c-1\"}");
        event("R-ODD", "not json at all");
        String longName = "https://idp.example.com/clients/" + "x".repeat(300);
        event("R-LONG", "{\"actor\":\"" + longName + "\"}");
        key("long-1", "R-LONG");
        // a caller literally named like the long name's hash: a namespace of its own
        String namedLikeAHash = ReturnRequestIdempotency.namespace(longName);
        event("R-HASHLIKE", "{\"actor\":\"" + namedLikeAHash + "\"}");
        key("hashlike-1", "R-HASHLIKE");
        key("till-1", "R-POS");
        key("web-1", "R-WEB");
        key("odd-1", "R-ODD");
        key("lost-1", "R-NEVER-CREATED");

        migrate("command", "classpath:db/migration/command", "flyway_history_command", null);

        Map<String, String> callers = new java.util.HashMap<>();
        jdbc.query("SELECT idempotency_key, caller FROM " + schema + ".return_request_idempotency",
                rs -> { callers.put(rs.getString(1), rs.getString(2)); });
        assertThat(callers).containsEntry("till-1", "pos").containsEntry("web-1", "web-shop")
                .containsEntry("long-1", ReturnRequestIdempotency.namespace(longName))
                .containsEntry("hashlike-1", ReturnRequestIdempotency.namespace(namedLikeAHash))
                .as("no readable actor: nobody's").containsEntry("odd-1", "").containsEntry("lost-1", "");
        // the key is now unique per caller only
        key("pos", "web-1", "R-OTHER");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schema
                + ".return_request_idempotency WHERE idempotency_key = 'web-1'", Integer.class)).isEqualTo(2);
    }

    @Test
    void a_caller_named_like_the_hash_of_a_long_name_does_not_share_its_namespace() {
        String longName = "https://idp.example.com/clients/" + "x".repeat(300);
        String namedLikeItsHash = ReturnRequestIdempotency.namespace(longName);

        assertThat(namedLikeItsHash).startsWith("sha256:").hasSize("sha256:".length() + 64);
        assertThat(ReturnRequestIdempotency.namespace(namedLikeItsHash)).startsWith("sha256:")
                .isNotEqualTo(namedLikeItsHash);
        assertThat(ReturnRequestIdempotency.namespace("pos")).isEqualTo("pos");
    }

    private void migrate(String name, String location, String historyTable, String target) {
        var configuration = Flyway.configure().dataSource(dataSource).schemas(schema).locations(location)
                .table(historyTable).baselineOnMigrate(true).baselineVersion("0");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private void event(String returnId, String metadata) {
        jdbc.update("INSERT INTO " + schema + ".domainevententry (aggregateidentifier, sequencenumber, type, "
                        + "eventidentifier, metadata, payload, payloadtype, timestamp) VALUES (?, 0, 'ReturnAggregate', ?, ?, ?, "
                        + "'io.omnireturns.api.returns.event.ReturnRequested', ?)",
                returnId, UUID.randomUUID().toString(), metadata.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), Instant.now().toString());
    }

    private void key(String key, String returnId) {
        jdbc.update("INSERT INTO " + schema + ".return_request_idempotency (idempotency_key, request_hash, return_id, "
                + "created_at) VALUES (?, 'h', ?, ?)", key, returnId, Timestamp.from(Instant.now()));
    }

    private void key(String caller, String key, String returnId) {
        jdbc.update("INSERT INTO " + schema + ".return_request_idempotency (caller, idempotency_key, request_hash, "
                + "return_id, created_at) VALUES (?, ?, 'h', ?, ?)", caller, key, returnId, Timestamp.from(Instant.now()));
    }
}
