package io.omnireturns.query.status;

import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.platform.database.LongStatements;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status view's shadow table: a copy of the live table's definition that a rebuild fills beside it, and the swap
 * that makes it the live table. The view is one table ({@value #LIVE}: the view, its searchable columns and the
 * systems kept aside), so one shadow covers every look-up.
 * <p>
 * The shadow takes the live table's columns, defaults, constraints and storage settings ({@code LIKE ... INCLUDING
 * ALL}); its indexes are made from the live ones' definitions under names of their own, the primary key at once (the
 * rebuild's writes need it), the others after the first pass (one sort each instead of one update per row). The swap
 * gives table and indexes the live names back, so after it the catalogue looks as a migration left it.
 */
@Repository
public class StatusViewShadow {

    /** The live table every look-up, search and the projection read and write by name. */
    public static final String LIVE = "return_status_view";
    /** The shadow being rebuilt. */
    public static final String SHADOW = "return_status_view_rebuild";
    /** The live table once swapped out, until it is dropped. */
    public static final String REPLACED = "return_status_view_replaced";

    private static final Pattern INDEX_DEFINITION =
            Pattern.compile("^(CREATE (?:UNIQUE )?INDEX )(\\S+)( ON (?:ONLY )?)(\\S+)( USING .*)$");

    private final NamedParameterJdbcTemplate jdbc;
    private final StatusChangeNotices notices;

    StatusViewShadow(NamedParameterJdbcTemplate jdbc, ObjectProvider<StatusViewWrites> localReaders) {
        this.jdbc = jdbc;
        this.notices = new StatusChangeNotices(jdbc.getJdbcOperations(), localReaders.orderedStream().toList());
    }

    /** One rebuilt view to store. */
    public record Row(ReturnStatusView view, List<SystemStateView> underlyingSystems) {
    }

    /** A return in the shadow beside the live table: versions (null: no row) and whether the rows differ. */
    public record Comparison(String returnId, Long shadowVersion, Long liveVersion, boolean differs) {
    }

    /** A fresh, empty shadow with the live table's definition and primary key; any left-over one is dropped. */
    public void create() {
        JdbcOperations sql = jdbc.getJdbcOperations();
        dropShadow();
        dropReplaced();
        sql.execute("CREATE TABLE " + SHADOW + " (LIKE " + LIVE + " INCLUDING ALL EXCLUDING INDEXES)");
        String options = sql.queryForObject("SELECT array_to_string(reloptions, ', ') FROM pg_class"
                + " WHERE oid = '" + LIVE + "'::regclass", String.class);
        if (options != null && !options.isBlank()) {
            sql.execute("ALTER TABLE " + SHADOW + " SET (" + options + ")");
        }
        for (LiveIndex index : liveIndexes()) {
            if (index.primaryKey()) {
                sql.execute(index.definitionOn(SHADOW, shadowName(index.name())));
                sql.execute("ALTER TABLE " + SHADOW + " ADD CONSTRAINT " + shadowName(index.name())
                        + " PRIMARY KEY USING INDEX " + shadowName(index.name()));
            }
        }
    }

    /** The live table's other indexes on the filled shadow, and fresh statistics for the planner. */
    public void completeIndexes() {
        for (LiveIndex index : liveIndexes()) {
            if (!index.primaryKey()) {
                LongStatements.run(dataSource(), () ->
                        jdbc.getJdbcOperations().execute(index.definitionOn(SHADOW, shadowName(index.name()))));
            }
        }
        analyze();
    }

    /** Fresh statistics, so that searches are planned well on the new table from its first query. */
    public void analyze() {
        LongStatements.run(dataSource(), () -> jdbc.getJdbcOperations().execute("ANALYZE " + SHADOW));
    }

    /** Stores rebuilt views; a row is only replaced by a newer version. */
    public void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(StatusViewColumns.insert(SHADOW) + StatusViewColumns.replacingOlder(SHADOW),
                rows.stream().map(row -> StatusViewColumns.parameters(row.view(), row.underlyingSystems()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    /** The version each of these returns has in the shadow; a return without a row is left out. */
    public Map<String, Long> versions(List<String> returnIds) {
        Map<String, Long> versions = new HashMap<>();
        if (returnIds.isEmpty()) {
            return versions;
        }
        jdbc.getJdbcOperations().query("SELECT return_id, last_sequence FROM " + SHADOW
                        + " WHERE return_id = ANY (?)",
                rs -> {
                    versions.put(rs.getString(1), rs.getLong(2));
                }, (Object) returnIds.toArray(String[]::new));
        return versions;
    }

    /**
     * These returns in the shadow and the live table: their versions, and whether the rows differ at the same version
     * (document, systems kept aside or a searchable column), compared in the database.
     */
    public List<Comparison> compareWithLive(List<String> returnIds) {
        if (returnIds.isEmpty()) {
            return List.of();
        }
        return jdbc.getJdbcOperations().query("""
                        SELECT r.id, s.last_sequence AS shadow_version, l.last_sequence AS live_version,
                               (s.return_id IS NOT NULL AND l.return_id IS NOT NULL
                                AND s.last_sequence = l.last_sequence
                                AND (s.document <> l.document
                                     OR s.underlying_systems IS DISTINCT FROM l.underlying_systems
                                     OR (s.order_id, s.customer_id, s.status, s.hold_reason, s.channel, s.store_id,
                                         s.created_at, s.updated_at)
                                        IS DISTINCT FROM (l.order_id, l.customer_id, l.status, l.hold_reason,
                                         l.channel, l.store_id, l.created_at, l.updated_at))) AS differs
                          FROM unnest(?::text[]) AS r(id)
                          LEFT JOIN %s s ON s.return_id = r.id
                          LEFT JOIN %s l ON l.return_id = r.id
                        """.formatted(SHADOW, LIVE),
                (rs, row) -> new Comparison(rs.getString("id"), (Long) rs.getObject("shadow_version"),
                        (Long) rs.getObject("live_version"), rs.getBoolean("differs")),
                (Object) returnIds.toArray(String[]::new));
    }

    /**
     * Locks the live table against every read and write until the caller's transaction ends: waits for the
     * projection's open batch (and any read) to finish, at most {@code timeout} (then fails with the database's
     * lock-timeout error, and the caller may try again). Reads arriving meanwhile wait behind the lock.
     */
    public void lockLive(Duration timeout) {
        JdbcOperations sql = jdbc.getJdbcOperations();
        sql.execute("SET LOCAL lock_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'");
        sql.execute("LOCK TABLE " + LIVE + " IN ACCESS EXCLUSIVE MODE");
    }

    /**
     * In the caller's transaction, with the live table locked: the shadow becomes {@value #LIVE} (its indexes take
     * the live names), the live table becomes {@value #REPLACED}, and every node is told to forget the views it
     * holds (on commit). Statements prepared against the old table are planned again on their next run: PostgreSQL
     * invalidates them with the rename and resolves the name again.
     */
    public void swap() {
        JdbcOperations sql = jdbc.getJdbcOperations();
        List<LiveIndex> live = liveIndexes();
        Map<String, String> shadow = indexesOf(SHADOW);
        for (LiveIndex index : live) {
            if (!shadow.containsKey(shadowName(index.name()))) {
                throw new IllegalStateException("the live table has index " + index.name()
                        + ", which the shadow lacks (was it added during the rebuild?)");
            }
        }
        if (shadow.size() != live.size()) {
            throw new IllegalStateException("the shadow has other indexes than the live table: " + shadow.keySet());
        }
        // a migration (of a newer version starting meanwhile) may have changed the live table after the shadow was made
        if (!columnsOf(LIVE).equals(columnsOf(SHADOW))) {
            throw new IllegalStateException("the live table's columns changed during the rebuild: " + columnsOf(LIVE)
                    + " against the shadow's " + columnsOf(SHADOW));
        }
        sql.execute("ALTER TABLE " + LIVE + " RENAME TO " + REPLACED);
        for (LiveIndex index : live) {
            sql.execute("ALTER INDEX " + index.name() + " RENAME TO " + replacedName(index.name()));
        }
        sql.execute("ALTER TABLE " + SHADOW + " RENAME TO " + LIVE);
        for (LiveIndex index : live) {
            // an index behind a constraint (the primary key) renames its constraint with it
            sql.execute("ALTER INDEX " + shadowName(index.name()) + " RENAME TO " + index.name());
        }
        notices.cleared();
    }

    /** The sessions holding a lock on the live table now, for the log when the swap cannot have it. */
    public List<String> liveTableHolders() {
        return jdbc.getJdbcOperations().query("""
                        SELECT a.pid, l.mode, a.state, a.application_name,
                               round(extract(epoch FROM now() - a.xact_start)::numeric, 1) AS seconds,
                               left(a.query, 120) AS query
                          FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                         WHERE l.relation = '%s'::regclass AND l.granted AND a.pid <> pg_backend_pid()
                        """.formatted(LIVE),
                (rs, row) -> "pid " + rs.getInt("pid") + " " + rs.getString("mode") + " (" + rs.getString("state")
                        + ", " + rs.getString("application_name") + ", transaction open " + rs.getString("seconds")
                        + " s): " + rs.getString("query"));
    }

    public void dropShadow() {
        jdbc.getJdbcOperations().execute("DROP TABLE IF EXISTS " + SHADOW);
    }

    public void dropReplaced() {
        jdbc.getJdbcOperations().execute("DROP TABLE IF EXISTS " + REPLACED);
    }

    public boolean shadowExists() {
        return jdbc.getJdbcOperations().queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, SHADOW);
    }

    private List<LiveIndex> liveIndexes() {
        return jdbc.getJdbcOperations().query("""
                        SELECT c.relname, pg_get_indexdef(i.indexrelid), i.indisprimary
                          FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                         WHERE i.indrelid = '%s'::regclass ORDER BY c.relname
                        """.formatted(LIVE),
                (rs, row) -> new LiveIndex(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    }

    private List<String> columnsOf(String table) {
        return jdbc.getJdbcOperations().queryForList("SELECT attname || ' ' || format_type(atttypid, atttypmod)"
                + " || CASE WHEN attnotnull THEN ' NOT NULL' ELSE '' END FROM pg_attribute WHERE attrelid = '"
                + table + "'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum", String.class);
    }

    private Map<String, String> indexesOf(String table) {
        Map<String, String> indexes = new LinkedHashMap<>();
        jdbc.getJdbcOperations().query("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                        + " JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = '" + table + "'::regclass",
                rs -> {
                    indexes.put(rs.getString(1), rs.getString(2));
                });
        return indexes;
    }

    private javax.sql.DataSource dataSource() {
        return ((org.springframework.jdbc.core.JdbcTemplate) jdbc.getJdbcOperations()).getDataSource();
    }

    /** Index names live in the schema's namespace: the shadow's (and the replaced table's) need their own. */
    static String shadowName(String liveName) {
        return suffixed(liveName, "_rb");
    }

    static String replacedName(String liveName) {
        return suffixed(liveName, "_rp");
    }

    private static String suffixed(String name, String suffix) {
        return (name.length() + suffix.length() > 63 ? name.substring(0, 63 - suffix.length()) : name) + suffix;
    }

    private record LiveIndex(String name, String definition, boolean primaryKey) {

        /** The same index on another table under another name. */
        String definitionOn(String table, String indexName) {
            Matcher matcher = INDEX_DEFINITION.matcher(definition);
            if (!matcher.matches()) {
                throw new IllegalStateException("cannot read the definition of index " + name + ": " + definition);
            }
            return matcher.group(1) + indexName + matcher.group(3) + table + matcher.group(5);
        }
    }
}
