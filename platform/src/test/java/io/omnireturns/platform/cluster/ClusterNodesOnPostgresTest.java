package io.omnireturns.platform.cluster;

import io.omnireturns.platform.PlatformTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's statements on the real database; who is alive is judged by the database's clock. */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "omnireturns.database.embedded.data-dir=", "omnireturns.cluster.enabled=false"})
class ClusterNodesOnPostgresTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    @Autowired
    JdbcTemplate jdbc;

    private ClusterNodes nodeA;
    private ClusterNodes nodeB;

    @BeforeEach
    void twoNodesOnAnEmptyRegistry() {
        jdbc.update("DELETE FROM cluster_node");
        nodeA = new ClusterNodes(jdbc, new NodeId("node-a", "host-a", 1), TIMEOUT);
        nodeB = new ClusterNodes(jdbc, new NodeId("node-b", "host-b", 2), TIMEOUT);
    }

    @Test
    void aHeartbeatAnswersEveryLiveNodeWithTheProcessorsItRuns() {
        nodeB.beat(List.of("kpi"));

        List<ClusterNodes.Node> live = nodeA.beat(List.of("kpi", "return-process"));

        assertThat(live).containsExactlyInAnyOrder(
                new ClusterNodes.Node("node-a", Set.of("kpi", "return-process")),
                new ClusterNodes.Node("node-b", Set.of("kpi")));
    }

    @Test
    void aNodeSilentForTheNodeTimeoutIsGone() {
        nodeB.beat(List.of("kpi"));
        jdbc.update("UPDATE cluster_node SET heartbeat_at = now() - interval '9 seconds' WHERE node_id = 'node-b'");

        assertThat(nodeA.beat(List.of("kpi"))).extracting(ClusterNodes.Node::nodeId).containsExactly("node-a");
    }

    @Test
    void aNodeThatLeavesIsGoneAtOnceAndTheOthersStay() {
        nodeA.beat(List.of("kpi"));
        nodeB.beat(List.of("kpi"));

        nodeB.leave();

        assertThat(jdbc.queryForList("SELECT node_id FROM cluster_node", String.class)).containsExactly("node-a");
    }

    @Test
    void aHeartbeatKeepsTheStartTimeAndMovesTheHeartbeat() {
        nodeA.beat(List.of("kpi"));
        jdbc.update("UPDATE cluster_node SET started_at = now() - interval '1 hour', "
                + "heartbeat_at = now() - interval '2 seconds'");

        nodeA.beat(List.of("kpi"));

        assertThat(jdbc.queryForObject("SELECT started_at < now() - interval '59 minutes' "
                + "AND heartbeat_at > now() - interval '1 second' FROM cluster_node", Boolean.class)).isTrue();
    }

    @Test
    void rowsOfNodesLongSilentAreForgottenAtStart() {
        nodeB.beat(List.of("kpi"));
        jdbc.update("UPDATE cluster_node SET heartbeat_at = now() - interval '1 minute'");

        assertThat(nodeA.forgetSilentNodes()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cluster_node", Integer.class)).isZero();
    }
}
