package io.omnireturns.platform.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one node does with the segments of one streaming processor so that the nodes running it share them: each
 * holds at most its fair share, {@code ceil(segments / live nodes)}. Pure, so every case is a plain unit test.
 * <p>
 * A node under its share claims segments no one holds. A node over its share gives back only as many as the other
 * nodes lack beyond the segments already free: a node that has just joined takes its share within seconds, and two
 * balanced nodes never pass segments back and forth (a released segment stops its processing for a moment).
 */
public final class SegmentBalance {

    private SegmentBalance() {
    }

    /**
     * @param fairShare the most segments this node should hold
     * @param release   segments this node holds and should give back, highest ids first chosen (the same ones on
     *                  every round while the release is under way)
     * @param claim     free segments this node should claim, lowest ids first
     */
    public record Moves(int fairShare, List<Integer> release, List<Integer> claim) {

        public Moves {
            release = List.copyOf(release);
            claim = List.copyOf(claim);
        }

        public boolean none() {
            return release.isEmpty() && claim.isEmpty();
        }
    }

    /**
     * @param self      this node (its token owner id)
     * @param liveNodes the nodes running this processor whose heartbeat is fresh; this node counts whether listed or not
     * @param segments  every segment of the processor
     * @param owners    segment to owner for the claims that hold: this node's, and other nodes' not yet timed out.
     *                  A segment missing here is free (never claimed, released, or its owner's claim expired)
     */
    public static Moves decide(String self, Collection<String> liveNodes, Collection<Integer> segments,
                               Map<Integer, String> owners) {
        Set<String> nodes = new TreeSet<>(liveNodes);
        nodes.add(self);
        int fairShare = segments.isEmpty() ? 0 : ceilDiv(segments.size(), nodes.size());
        List<Integer> mine = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        for (int segment : new TreeSet<>(segments)) {
            String owner = owners.get(segment);
            if (owner == null) {
                free.add(segment);
            } else if (owner.equals(self)) {
                mine.add(segment);
            }
        }
        if (mine.size() > fairShare) {
            int othersLack = 0;
            for (String node : nodes) {
                if (!node.equals(self)) {
                    othersLack += Math.max(0, fairShare - held(node, owners));
                }
            }
            int release = Math.min(mine.size() - fairShare, Math.max(0, othersLack - free.size()));
            List<Integer> giveBack = new ArrayList<>();
            for (int i = mine.size() - 1; giveBack.size() < release; i--) {
                giveBack.add(mine.get(i));
            }
            return new Moves(fairShare, giveBack, List.of());
        }
        int claim = Math.min(fairShare - mine.size(), free.size());
        return new Moves(fairShare, List.of(), free.subList(0, claim));
    }

    private static int held(String node, Map<Integer, String> owners) {
        return (int) owners.values().stream().filter(node::equals).count();
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
