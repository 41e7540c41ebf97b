package io.omnireturns.platform.cluster;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The registry of nodes on this database ({@code cluster_node}). A heartbeat is one statement and one round trip:
 * it upserts this node's row and answers the other nodes still alive, judged by the database's clock.
 */
public class ClusterNodes {

    /** The upsert, in a CTE, and the other live rows: the outer query sees the table as it was before the upsert. */
    private static final String BEAT = """
            WITH beat AS (
                INSERT INTO cluster_node (node_id, host, pid, processors, started_at, heartbeat_at)
                VALUES (?, ?, ?, ?, now(), now())
                ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now(), processors = EXCLUDED.processors
                RETURNING node_id, processors)
            SELECT node_id, processors FROM cluster_node
             WHERE node_id <> ? AND heartbeat_at > now() - make_interval(secs => ?)
            UNION ALL
            SELECT node_id, processors FROM beat""";

    private final JdbcTemplate jdbc;
    private final NodeId self;
    private final Duration nodeTimeout;

    public ClusterNodes(JdbcTemplate jdbc, NodeId self, Duration nodeTimeout) {
        this.jdbc = jdbc;
        this.self = self;
        this.nodeTimeout = nodeTimeout;
    }

    /** A live node and the streaming processors it runs. */
    public record Node(String nodeId, Set<String> processors) {

        public boolean runs(String processor) {
            return processors.contains(processor);
        }
    }

    /** Writes this node's heartbeat; answers the live nodes, this one included. */
    public List<Node> beat(Collection<String> processors) {
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(BEAT);
            Array names = connection.createArrayOf("text", processors.toArray(String[]::new));
            statement.setString(1, self.value());
            statement.setString(2, self.host());
            statement.setLong(3, self.pid());
            statement.setArray(4, names);
            statement.setString(5, self.value());
            statement.setDouble(6, nodeTimeout.toMillis() / 1000.0);
            return statement;
        }, (row, number) -> new Node(row.getString(1), Set.of((String[]) row.getArray(2).getArray())));
    }

    /** On a clean shutdown: the others need not wait for the node timeout to take this node's share. */
    public void leave() {
        jdbc.update("DELETE FROM cluster_node WHERE node_id = ?", self.value());
    }

    /** Rows of nodes long gone (every start is a new node id); run once at start. */
    public int forgetSilentNodes() {
        return jdbc.update("DELETE FROM cluster_node WHERE heartbeat_at < now() - make_interval(secs => ?)",
                nodeTimeout.toMillis() / 1000.0);
    }

    public NodeId self() {
        return self;
    }
}
