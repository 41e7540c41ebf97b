package io.omnireturns.command.orchestration.engine;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.command.orchestration.process.ReturnProcess;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code return_process} table: one row per return, its process as JSON (the storage object mapper, by fields,
 * so the pure core needs no annotations), an optimistic version, and when something next falls due.
 * <p>
 * A write names the version it read: {@code insert ... on conflict do update ... where version = read}. A row another
 * writer moved on (the segment went to another node and came back, a redelivered batch) updates nothing: the write
 * fails with {@link StaleProcessException} and the whole batch, token included, is rolled back and retried.
 */
@Component
public class ProcessStore {

    /** The process's classes are stored field by field, never through a getter: said here, once, for all of them. */
    private static final ObjectMapper JSON = AxonInfrastructureConfiguration.storageObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
    };

    private static final String UPSERT = """
            INSERT INTO return_process (return_id, state, version, next_due, correlation, finished)
            VALUES (?, ?::jsonb, ?, ?, ?::jsonb, ?)
            ON CONFLICT (return_id) DO UPDATE SET state = excluded.state, version = excluded.version,
                next_due = excluded.next_due, correlation = excluded.correlation, finished = excluded.finished
            WHERE return_process.version = ?""";

    private final JdbcTemplate jdbc;

    public ProcessStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A process and what its row says: {@code version} 0 for one that has no row yet; {@code nextDue} and
     * {@code finished} as the row holds them (the row's state may lag the process, see {@link ProcessCatchUp}).
     */
    public record Stored(ReturnProcess process, long version, Instant nextDue, boolean finished) {

        static Stored unstored(ReturnProcess process) {
            return new Stored(process, 0, null, false);
        }
    }

    /** One write: the process, the version it was read at, and the correlation data of its latest event. */
    public record Write(ReturnProcess process, long readVersion, Instant nextDue, Map<String, ?> correlation) {

        long newVersion() {
            return readVersion + 1;
        }
    }

    public Optional<Stored> load(String returnId) {
        return jdbc.query("SELECT state, version, next_due, finished FROM return_process WHERE return_id = ?",
                (row, i) -> {
                    Timestamp nextDue = row.getTimestamp(3);
                    return new Stored(read(row.getString(1)), row.getLong(2),
                            nextDue == null ? null : nextDue.toInstant(), row.getBoolean(4));
                }, returnId).stream().findFirst();
    }

    /**
     * Writes every process in one JDBC batch, in the caller's transaction.
     *
     * @throws StaleProcessException naming the returns whose row another writer had moved on
     */
    public void saveAll(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        int[][] counts = jdbc.batchUpdate(UPSERT, writes, writes.size(), (statement, write) -> {
            statement.setString(1, write.process().returnId());
            statement.setString(2, write(write.process()));
            statement.setLong(3, write.newVersion());
            statement.setTimestamp(4, write.nextDue() == null ? null : Timestamp.from(write.nextDue()));
            statement.setString(5, write.correlation() == null ? null : write(write.correlation()));
            statement.setBoolean(6, write.process().finished());
            statement.setLong(7, write.readVersion());
        });
        List<String> stale = new ArrayList<>();
        int index = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count == 0) {
                    stale.add(writes.get(index).process().returnId());
                }
                index++;
            }
        }
        if (!stale.isEmpty()) {
            throw new StaleProcessException(stale);
        }
    }

    /** A process row as the sweeper reads it: state and the conversation it belongs to. */
    public record Due(ReturnProcess process, Map<String, Object> correlation) {
    }

    /**
     * Locks and returns up to {@code limit} processes with something due, skipping rows another node's sweeper holds
     * and returns whose calls a live node is still making (their lease lies ahead). Call inside a transaction.
     */
    public List<Due> lockDue(int limit) {
        return jdbc.query("""
                SELECT state, correlation FROM return_process
                WHERE next_due <= now() AND NOT finished AND (lease_until IS NULL OR lease_until <= now())
                ORDER BY next_due LIMIT ? FOR UPDATE SKIP LOCKED""",
                (row, i) -> new Due(read(row.getString(1)), readMetadata(row.getString(2))), limit);
    }

    /** The sweeper looked at these: not again before {@code recheck}, unless their events store a sooner due. */
    public void recheckLater(Collection<String> returnIds, Duration recheck) {
        if (!returnIds.isEmpty()) {
            jdbc.update("UPDATE return_process SET next_due = now() + ? * interval '1 millisecond' "
                    + "WHERE return_id = ANY (?)", recheck.toMillis(), returnIds.toArray(String[]::new));
        }
    }

    /** The sweeper found nothing due on this one after all: it falls due again when its process says. */
    public void dueAt(String returnId, Instant nextDue) {
        jdbc.update("UPDATE return_process SET next_due = ? WHERE return_id = ?",
                nextDue == null ? null : Timestamp.from(nextDue), returnId);
    }

    /** The calling node is alive and still making calls for these returns: their steps are not to be taken over. */
    public void renewLeases(Collection<String> returnIds, Duration lease) {
        if (!returnIds.isEmpty()) {
            jdbc.update("UPDATE return_process SET lease_until = now() + ? * interval '1 millisecond' "
                    + "WHERE return_id = ANY (?)", lease.toMillis(), returnIds.toArray(String[]::new));
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    static ReturnProcess read(String json) {
        try {
            return JSON.readValue(json, ReturnProcess.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored return process", e);
        }
    }

    private static Map<String, Object> readMetadata(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, METADATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored correlation", e);
        }
    }
}
