package io.omnireturns.bench.scale;

import io.omnireturns.bench.scale.ReturnTemplate.Row;
import io.omnireturns.bench.scale.ReturnTemplate.Values;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes generated returns into the event store with PostgreSQL's {@code COPY}, in the rows the service itself would
 * write (see {@link ReturnTemplate}); the global index comes from the table's own sequence, in the order written.
 * <p>
 * Return {@code n} is a function of {@code n}: its id, its order ({@code ORD-S<n>}), its customer
 * ({@code CUST-S<n mod customers>}), its template and its time (returns are spread over the year before the
 * generation), so the query phase can pick existing returns and customers without reading them back.
 * <p>
 * On a store that holds next to nothing, the event table's unique indexes are dropped for the load and built again
 * afterwards from their own definitions: much faster than keeping millions of random keys in order row by row.
 */
final class StoreGenerator {

    private static final int RETURNS_PER_COPY = 20_000;
    private static final Duration SPREAD = Duration.ofDays(365);
    private static final String COPY = "COPY domainevententry (aggregateidentifier, sequencenumber, type,"
            + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) FROM STDIN";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final List<ReturnTemplate> templates;
    private final int returns;
    private final int customers;
    private final long endMillis;

    StoreGenerator(List<ReturnTemplate> templates, int returns, int returnsPerCustomer, Instant end) {
        this.templates = List.copyOf(templates);
        this.returns = returns;
        this.customers = Math.max(1, returns / Math.max(1, returnsPerCustomer));
        this.endMillis = end.toEpochMilli();
    }

    /** The id of generated return {@code n}: a version 4 UUID, unique per {@code n}. */
    static UUID returnId(long n) {
        long high = (mix(n) & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long low = 0x8000000000000000L | (mix(~n) & 0x3FFF000000000000L) | ((n * 0x9E3779B97F4BL) & 0xFFFFFFFFFFFFL);
        return new UUID(high, low);
    }

    static String customerId(long index) {
        return "CUST-S" + index;
    }

    int customers() {
        return customers;
    }

    ReturnTemplate templateOf(long n) {
        double pick = (mix(n * 31 + 7) >>> 11) * 0x1.0p-53;
        double total = templates.stream().mapToDouble(ReturnTemplate::share).sum();
        double at = 0;
        for (ReturnTemplate template : templates) {
            at += template.share() / total;
            if (pick < at) {
                return template;
            }
        }
        return templates.get(templates.size() - 1);
    }

    /** Writes every return with {@code writers} parallel COPY streams; answers the events written. */
    long generate(String jdbcUrl, int writers) throws Exception {
        AtomicLong written = new AtomicLong();
        AtomicLong returnsDone = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int first = writer;
                work.add(pool.submit(() -> {
                    write(jdbcUrl, first, writers, written, returnsDone);
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return written.get();
    }

    private void write(String jdbcUrl, int first, int stride, AtomicLong written, AtomicLong returnsDone)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit = off");
            }
            connection.setAutoCommit(false);
            PGConnection pg = connection.unwrap(PGConnection.class);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
            StringBuilder text = new StringBuilder(4096);
            long n = first;
            while (n < returns) {
                CopyIn copy = pg.getCopyAPI().copyIn(COPY);
                long rows = 0;
                int inThisCopy = 0;
                for (; n < returns && inThisCopy < RETURNS_PER_COPY; n += stride, inThisCopy++) {
                    rows += appendReturn(n, buffer, text);
                    if (buffer.size() > (1 << 20) - 65_536) {
                        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                        buffer.reset();
                    }
                }
                if (buffer.size() > 0) {
                    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
                copy.endCopy();
                connection.commit();
                long total = written.addAndGet(rows);
                long done = returnsDone.addAndGet(inThisCopy);
                if (done % 100_000 < inThisCopy) {
                    Progress.say("generated " + done + " returns, " + total + " events");
                }
            }
        }
    }

    private int appendReturn(long n, ByteArrayOutputStream out, StringBuilder text) {
        ReturnTemplate template = templateOf(n);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UUID[] uuids = new UUID[template.uuidSlots()];
        for (int slot = 0; slot < uuids.length; slot++) {
            uuids[slot] = new UUID((random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x4000L,
                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        }
        uuids[template.returnIdSlot()] = returnId(n);
        String[] traces = new String[template.traceSlots()];
        for (int slot = 0; slot < traces.length; slot++) {
            traces[slot] = String.format("%016x%016x", random.nextLong(), random.nextLong());
        }
        List<String> prefixes = template.referencePrefixes();
        String[] references = new String[prefixes.size()];
        for (int slot = 0; slot < references.length; slot++) {
            references[slot] = prefixes.get(slot) + String.format("%09d", n * 16 + slot);
        }
        long at = endMillis - SPREAD.toMillis() + (long) ((double) n / returns * SPREAD.toMillis());
        Values values = new Values(uuids, traces, references, "ORD-S" + n, customerId(n % customers),
                at - template.firstMillis());
        for (Row row : template.rows()) {
            text.setLength(0);
            row.aggregateIdentifier().render(text, values);
            text.append('\t').append(row.sequenceNumber()).append('\t');
            field(text, row.type());
            text.append('\t');
            row.eventIdentifier().render(text, values);
            text.append('\t');
            ascii(out, text);
            text.setLength(0);
            if (row.metadata() == null) {
                ascii(out, "\\N");
            } else {
                bytea(out, row.metadata().bytes(values));
            }
            out.write('\t');
            bytea(out, row.payload().bytes(values));
            text.append('\t');
            field(text, row.payloadRevision());
            text.append('\t');
            field(text, row.payloadType());
            text.append('\t');
            row.timestamp().render(text, values);
            text.append('\n');
            ascii(out, text);
        }
        return template.rows().size();
    }

    /** A text field of COPY's text format: backslash, tab and line breaks escaped, null as \N. */
    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** bytea in hex, its backslash escaped for COPY's text format. */
    private static void bytea(ByteArrayOutputStream out, byte[] value) {
        byte[] encoded = new byte[3 + value.length * 2];
        encoded[0] = '\\';
        encoded[1] = '\\';
        encoded[2] = 'x';
        for (int i = 0; i < value.length; i++) {
            encoded[3 + 2 * i] = (byte) HEX[(value[i] >> 4) & 0xF];
            encoded[4 + 2 * i] = (byte) HEX[value[i] & 0xF];
        }
        out.write(encoded, 0, encoded.length);
    }

    private static void ascii(ByteArrayOutputStream out, CharSequence text) {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    /** SplitMix64's finalizer: a bijection that scatters consecutive numbers. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- indexes ------------------------------------------------------------------------------------------

    /** The event table's unique constraints and other secondary indexes, to drop before a bulk load. */
    record SecondaryIndexes(List<String> dropStatements, List<String> createStatements) {

        static SecondaryIndexes of(Connection connection) throws SQLException {
            List<String> drop = new ArrayList<>();
            List<String> create = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("""
                        SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                         WHERE conrelid = 'domainevententry'::regclass AND contype = 'u' ORDER BY conname""")) {
                    while (rs.next()) {
                        drop.add("ALTER TABLE domainevententry DROP CONSTRAINT " + rs.getString(1));
                        create.add("ALTER TABLE domainevententry ADD CONSTRAINT " + rs.getString(1) + " "
                                + rs.getString(2));
                    }
                }
                try (ResultSet rs = statement.executeQuery("""
                        SELECT i.indexname, i.indexdef FROM pg_indexes i
                         WHERE i.tablename = 'domainevententry' AND i.schemaname = current_schema()
                           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname
                                             AND c.conrelid = 'domainevententry'::regclass)
                         ORDER BY i.indexname""")) {
                    while (rs.next()) {
                        drop.add("DROP INDEX " + rs.getString(1));
                        create.add(rs.getString(2));
                    }
                }
            }
            return new SecondaryIndexes(List.copyOf(drop), List.copyOf(create));
        }

        void drop(Connection connection) throws SQLException {
            run(connection, dropStatements);
        }

        void create(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET maintenance_work_mem = '512MB'");
                statement.execute("SET max_parallel_maintenance_workers = 2");
            }
            run(connection, createStatements);
        }

        private static void run(Connection connection, List<String> statements) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    Progress.say(sql);
                    statement.execute(sql);
                }
            }
        }
    }
}
