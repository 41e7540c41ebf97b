package io.omnireturns.platform;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves on a real PostgreSQL what DESIGN.md asks of the event store: Flyway owns the tables, serialized data
 * is bytea (no large objects), the global index has no allocation gaps, and Jackson is the stored format.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "omnireturns.database.embedded.data-dir=")
class EventStoreOnPostgresTest {

    @Revision("1")
    record ParcelScanned(String parcelId, int scan) {
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_serialized_column_of_axon_tables_is_bytea_and_none_is_a_large_object() {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name IN
                  ('domainevententry', 'snapshotevententry', 'tokenentry', 'sagaentry', 'deadletterentry')
                  AND column_name IN ('payload', 'metadata', 'token', 'serializedsaga', 'diagnostics')""");

        assertThat(columns).hasSize(10);
        assertThat(columns).allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'public' AND udt_name IN ('oid', 'lo')""", Integer.class)).isZero();
    }

    @Test
    void the_global_index_comes_from_a_sequence_that_allocates_one_value_at_a_time() {
        Map<String, Object> sequence = jdbc.queryForMap("""
                SELECT s.increment_by, s.cache_size FROM pg_sequences s
                WHERE s.sequencename = 'domainevententry_globalindex_seq'""");

        assertThat(((Number) sequence.get("increment_by")).longValue()).isEqualTo(1);
        assertThat(((Number) sequence.get("cache_size")).longValue()).isEqualTo(1);
    }

    @Test
    void events_appended_concurrently_get_consecutive_global_indexes() throws Exception {
        long before = maxGlobalIndex();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> appends = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                appends.add(writers.submit(() -> transactionManager.executeInTransaction(() ->
                        eventStore.publish(domainEvent("parcel-" + (n % 20), n / 20, new ParcelScanned("p" + n, n))))));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        } finally {
            writers.shutdown();
        }

        List<Long> indexes = jdbc.queryForList(
                "SELECT globalindex FROM domainevententry WHERE globalindex > ? ORDER BY globalindex", Long.class, before);
        assertThat(indexes).hasSize(200);
        assertThat(indexes.get(indexes.size() - 1) - indexes.get(0)).isEqualTo(199);
    }

    @Test
    void events_are_stored_as_jackson_json_and_read_back_as_the_same_records() {
        String aggregateId = UUID.randomUUID().toString();
        transactionManager.executeInTransaction(() -> eventStore.publish(
                domainEvent(aggregateId, 0, new ParcelScanned("p-1", 1)).andMetaData(MetaData.with("actor", "tester"))));

        String stored = jdbc.queryForObject(
                "SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?",
                String.class, aggregateId);
        assertThat(stored).isEqualTo("{\"parcelId\":\"p-1\",\"scan\":1}");
        String revision = jdbc.queryForObject(
                "SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = ?", String.class, aggregateId);
        assertThat(revision).isEqualTo("1");

        DomainEventStream stream = eventStore.readEvents(aggregateId);
        var event = stream.next();
        assertThat(event.getPayload()).isEqualTo(new ParcelScanned("p-1", 1));
        assertThat(event.getMetaData()).containsEntry("actor", "tester");
    }

    @Test
    void tracking_tokens_are_rewritten_in_place_without_creating_large_objects() {
        String processor = "token-test-" + UUID.randomUUID();
        transactionManager.executeInTransaction(() -> tokenStore.initializeTokenSegments(processor, 1));
        for (long position = 1; position <= 50; position++) {
            long at = position;
            transactionManager.executeInTransaction(() -> {
                tokenStore.fetchToken(processor, 0);
                tokenStore.storeToken(new GlobalSequenceTrackingToken(at), processor, 0);
            });
        }

        assertThat(transactionManager.fetchInTransaction(() -> tokenStore.fetchToken(processor, 0)))
                .isEqualTo(new GlobalSequenceTrackingToken(50));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Integer.class, processor))
                .isEqualTo(1);
    }

    private long maxGlobalIndex() {
        Long max = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return max == null ? 0 : max;
    }

    private static GenericDomainEventMessage<ParcelScanned> domainEvent(String aggregateId, long sequence, ParcelScanned payload) {
        return new GenericDomainEventMessage<>("Parcel", aggregateId, sequence, payload);
    }
}
