package io.omnireturns.platform.cluster;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The id of this node: the owner written into every token claim it makes and the key of its heartbeat row, so a
 * claim tells which node holds it and whether that node is alive.
 * <p>
 * Axon's {@code JdbcTokenStore} names its owner {@code ManagementFactory.getRuntimeMXBean().getName()}
 * ({@code pid@host}) unless told otherwise. That is kept for the first node of a JVM; a second one in the same JVM
 * (two nodes in one test) would share it and each would take the other's claims for its own, so it gets {@code #2}.
 *
 * @param value the id, as stored in {@code tokenentry.owner} and {@code cluster_node.node_id}
 * @param host  the host part of the JVM's name, for operators
 * @param pid   the process id, for operators
 */
public record NodeId(String value, String host, long pid) {

    private static final AtomicInteger NODES_IN_THIS_JVM = new AtomicInteger();

    /** The configured id, or the JVM's name with the count of nodes started in this JVM before it. */
    public static NodeId of(String configured) {
        String runtime = ManagementFactory.getRuntimeMXBean().getName();
        int at = runtime.indexOf('@');
        String host = at < 0 ? runtime : runtime.substring(at + 1);
        long pid = ProcessHandle.current().pid();
        if (configured != null && !configured.isBlank()) {
            return new NodeId(configured.strip(), host, pid);
        }
        int node = NODES_IN_THIS_JVM.incrementAndGet();
        return new NodeId(node == 1 ? runtime : runtime + "#" + node, host, pid);
    }

    @Override
    public String toString() {
        return value;
    }
}
