package io.omnireturns.platform.cluster;

import io.omnireturns.platform.concurrent.DaemonThreads;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every heartbeat, for each streaming processor running on this node: reads who holds which segment (one query for
 * all processors), decides with {@link SegmentBalance} and releases or claims segments through the processor.
 * The fair share it computes also caps what Axon's pooled coordinator claims by itself
 * ({@link #maxSegments(String)}): a node does not take back what it gave, nor take segments whose owner's claim
 * merely expired during a long batch, while it holds its share.
 * <p>
 * Runs on its own thread, never on a request or processor thread. A round that fails (the database is away) changes
 * nothing; the next one starts over.
 */
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final ClusterNodes nodes;
    private final Supplier<EventProcessingConfiguration> processing;
    private final JdbcTemplate jdbc;
    private final Duration heartbeat;
    private final Duration claimTimeout;
    private final Clock clock;
    private final Map<String, Integer> caps = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, String>> owners = new ConcurrentHashMap<>();
    private volatile int liveNodes;
    private volatile boolean lastRoundFailed;

    private ScheduledExecutorService rounds;
    private ScheduledFuture<?> scheduled;

    public SegmentBalancer(ClusterNodes nodes, Supplier<EventProcessingConfiguration> processing, JdbcTemplate jdbc,
                           Duration heartbeat, Duration claimTimeout, Clock clock) {
        this.nodes = nodes;
        this.processing = processing;
        this.jdbc = jdbc;
        this.heartbeat = heartbeat;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    /**
     * What Axon's pooled coordinator of this processor may hold: its fair share, or what it held at the last round if
     * that is more (Axon releases whatever is over this number at once, and arbitrary segments; giving back is left to
     * the balancer, which gives back only what the others lack). Unlimited before the first round.
     */
    public int maxSegments(String processorName) {
        Integer cap = caps.get(processorName);
        return cap == null || cap < 1 ? Short.MAX_VALUE : cap;
    }

    /** The holders of the processor's segments as last read (this node's claims and live claims of others). */
    public Map<Integer, String> owners(String processorName) {
        return owners.getOrDefault(processorName, Map.of());
    }

    public String nodeId() {
        return nodes.self().value();
    }

    /** Live nodes at the last heartbeat, this one included; 0 before the first. */
    public int liveNodes() {
        return liveNodes;
    }

    /** One heartbeat and balancing round: two statements, whatever the number of processors and returns. */
    void round() {
        Map<String, StreamingEventProcessor> running = runningStreamingProcessors();
        List<ClusterNodes.Node> live = nodes.beat(running.keySet());
        liveNodes = live.size();
        Map<String, Map<Integer, Claim>> claims = readClaims();
        Instant expired = clock.instant().minus(claimTimeout);
        running.forEach((name, processor) -> {
            Map<Integer, Claim> segments = claims.getOrDefault(name, Map.of());
            if (segments.isEmpty()) {
                return; // not initialised yet: its coordinator creates the segments and claims them
            }
            Map<Integer, String> holders = new TreeMap<>();
            segments.forEach((segment, claim) -> {
                if (claim.owner() != null && (claim.owner().equals(nodeId()) || claim.at().isAfter(expired))) {
                    holders.put(segment, claim.owner());
                }
            });
            List<String> runners = live.stream().filter(node -> node.runs(name)).map(ClusterNodes.Node::nodeId).toList();
            SegmentBalance.Moves moves = SegmentBalance.decide(nodeId(), runners, segments.keySet(), holders);
            long held = holders.values().stream().filter(nodeId()::equals).count();
            caps.put(name, (int) Math.max(moves.fairShare(), held));
            owners.put(name, Map.copyOf(holders));
            apply(name, processor, moves, runners.size());
        });
    }

    private void apply(String name, StreamingEventProcessor processor, SegmentBalance.Moves moves, int runners) {
        if (moves.none()) {
            return;
        }
        log.info("Processor {}: fair share {} over {} node(s); releasing segments {}, claiming {}",
                name, moves.fairShare(), runners, moves.release(), moves.claim());
        moves.release().forEach(processor::releaseSegment);
        moves.claim().forEach(segment -> processor.claimSegment(segment).whenComplete((claimed, failure) -> {
            if (failure != null || !Boolean.TRUE.equals(claimed)) {
                log.debug("Processor {}: segment {} not claimed ({})", name, segment,
                        failure != null ? failure.toString() : "taken by another node first");
            }
        }));
    }

    private Map<String, StreamingEventProcessor> runningStreamingProcessors() {
        Map<String, StreamingEventProcessor> running = new TreeMap<>();
        EventProcessingConfiguration configuration = processing.get();
        if (configuration != null) {
            configuration.eventProcessors().forEach((name, processor) -> {
                // a processor an operator stopped is not advertised: the others then take all its segments
                if (processor instanceof StreamingEventProcessor streaming && processor.isRunning()) {
                    running.put(name, streaming);
                }
            });
        }
        return running;
    }

    private Map<String, Map<Integer, Claim>> readClaims() {
        Map<String, Map<Integer, Claim>> claims = new HashMap<>();
        jdbc.query("SELECT processorname, segment, owner, timestamp FROM tokenentry", row -> {
            claims.computeIfAbsent(row.getString(1), name -> new TreeMap<>())
                    .put(row.getInt(2), new Claim(row.getString(3), parse(row.getString(4))));
        });
        return claims;
    }

    private static Instant parse(String timestamp) {
        try {
            return timestamp == null ? Instant.MIN : Instant.parse(timestamp);
        } catch (DateTimeParseException unreadable) {
            return Instant.MIN;
        }
    }

    /** A row of the token store: its owner (null when free) and when the claim was last written. */
    private record Claim(String owner, Instant at) {
    }

    private void scheduledRound() {
        try {
            round();
            if (lastRoundFailed) {
                log.info("Cluster heartbeat of node {} written again", nodeId());
            }
            lastRoundFailed = false;
        } catch (RuntimeException e) {
            if (!lastRoundFailed) {
                log.warn("Cluster heartbeat of node {} failed; segments are balanced again once it succeeds: {}",
                        nodeId(), e.toString());
            }
            lastRoundFailed = true;
        }
    }

    @Override
    public synchronized void start() {
        if (rounds != null) {
            return;
        }
        try {
            int forgotten = nodes.forgetSilentNodes();
            log.info("Node {} joins the cluster ({} silent node row(s) removed)", nodeId(), forgotten);
        } catch (RuntimeException e) {
            log.warn("Could not remove silent node rows: {}", e.toString());
        }
        rounds = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cluster-heartbeat"));
        scheduled = rounds.scheduleWithFixedDelay(this::scheduledRound, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (rounds == null) {
            return;
        }
        scheduled.cancel(false);
        rounds.shutdown();
        try {
            rounds.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rounds = null;
        try {
            nodes.leave();
            log.info("Node {} left the cluster", nodeId());
        } catch (RuntimeException e) {
            log.warn("Node {} could not remove its row; the others count it gone after the node timeout: {}",
                    nodeId(), e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return rounds != null;
    }

    /** Starts after and stops before everything else, Axon's processors among them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** The segments each live node holds, for operators: node to segments. */
    public Map<String, Set<Integer>> segmentsByNode(String processorName) {
        Map<String, Set<Integer>> byNode = new TreeMap<>();
        owners(processorName).forEach((segment, node) -> byNode.computeIfAbsent(node, n -> new TreeSet<>()).add(segment));
        return byNode;
    }

}
