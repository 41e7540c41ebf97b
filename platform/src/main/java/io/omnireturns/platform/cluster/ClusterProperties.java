package io.omnireturns.platform.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Several nodes on one database, {@code omnireturns.cluster.*}: how they see each other and share the segments of
 * their streaming processors. The defaults hand a dead node's segments to the survivors within about ten seconds:
 * its row goes silent for {@code nodeTimeout} (its claims, not extended for {@code claimTimeout}, have expired by
 * then) and the next balancing round, at most {@code heartbeat} later, claims them.
 *
 * @param enabled            heartbeat and balance; off, a node only writes its token owner (the node id) and Axon's
 *                           coordinators claim whatever is free, as before
 * @param nodeId             this node's id in the registry and owner of its token claims; empty: the JVM's name
 *                           ({@code pid@host}, Axon's own default owner), with {@code #n} added for the n-th node
 *                           started in the same JVM (tests)
 * @param heartbeat          how often the node writes its heartbeat and balances its segments
 * @param nodeTimeout        a node silent this long is gone: its share goes to the others
 * @param claimTimeout       a token claim not extended this long may be taken by another node (Axon's
 *                           {@code JdbcTokenStore} claim timeout; Axon's default is 10 s)
 * @param claimExtension     an idle pooled processor extends its claims this often (Axon's claim extension threshold,
 *                           default 5 s); well under {@code claimTimeout}, so a live node's claims never expire
 * @param tokenClaimInterval how often a pooled processor's coordinator looks for free segments, for every processor
 *                           that does not set {@code axon.eventhandling.processors.<name>.token-claim-interval}
 *                           (Axon's 5 s, kept: the balancer claims what this node lacks on every heartbeat anyway, and
 *                           every look is a transaction); a released segment is not taken back for twice this
 */
@ConfigurationProperties(prefix = "omnireturns.cluster")
public record ClusterProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("") String nodeId,
                                @DefaultValue("2s") Duration heartbeat,
                                @DefaultValue("8s") Duration nodeTimeout,
                                @DefaultValue("8s") Duration claimTimeout,
                                @DefaultValue("3s") Duration claimExtension,
                                @DefaultValue("5s") Duration tokenClaimInterval) {

    public ClusterProperties {
        if (!claimExtension.minus(claimTimeout).isNegative()) {
            throw new IllegalArgumentException("omnireturns.cluster.claim-extension (" + claimExtension
                    + ") must be shorter than omnireturns.cluster.claim-timeout (" + claimTimeout + ")");
        }
        if (!heartbeat.minus(nodeTimeout).isNegative()) {
            throw new IllegalArgumentException("omnireturns.cluster.heartbeat (" + heartbeat
                    + ") must be shorter than omnireturns.cluster.node-timeout (" + nodeTimeout + ")");
        }
    }
}
