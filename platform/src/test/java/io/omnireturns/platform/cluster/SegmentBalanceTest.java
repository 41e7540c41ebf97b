package io.omnireturns.platform.cluster;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentBalanceTest {

    private static final List<Integer> FOUR = List.of(0, 1, 2, 3);

    @Test
    void aNodeAloneClaimsEveryFreeSegment() {
        SegmentBalance.Moves moves = SegmentBalance.decide("a", Set.of(), FOUR, Map.of());

        assertThat(moves.fairShare()).isEqualTo(4);
        assertThat(moves.claim()).containsExactly(0, 1, 2, 3);
        assertThat(moves.release()).isEmpty();
    }

    @Test
    void aNodeHoldingEverythingReleasesHalfWhenASecondNodeJoinsWithNothing() {
        SegmentBalance.Moves moves = SegmentBalance.decide("a", Set.of("a", "b"), FOUR, owned("a", 0, 1, 2, 3));

        assertThat(moves.fairShare()).isEqualTo(2);
        assertThat(moves.release()).containsExactly(3, 2);
        assertThat(moves.claim()).isEmpty();
    }

    @Test
    void theJoiningNodeClaimsTheReleasedSegmentsUpToItsShare() {
        SegmentBalance.Moves moves = SegmentBalance.decide("b", Set.of("a", "b"), FOUR, owned("a", 0, 1));

        assertThat(moves.claim()).containsExactly(2, 3);
    }

    @Test
    void aNodeOverItsShareKeepsItsSegmentsWhileFreeOnesCoverWhatTheOthersLack() {
        // a released 2 and 3 a moment ago; b has not claimed them yet: releasing more would only pass them around
        SegmentBalance.Moves moves = SegmentBalance.decide("a", Set.of("a", "b"), FOUR, owned("a", 0, 1));

        assertThat(moves.none()).isTrue();
    }

    @Test
    void aNodeReleasesTheSameSegmentsOnEveryRoundUntilTheReleaseIsDone() {
        SegmentBalance.Moves first = SegmentBalance.decide("a", Set.of("b"), FOUR, owned("a", 0, 1, 2, 3));
        SegmentBalance.Moves second = SegmentBalance.decide("a", Set.of("b"), FOUR, owned("a", 0, 1, 2, 3));

        assertThat(second.release()).isEqualTo(first.release());
    }

    @Test
    void balancedNodesPassNothingBackAndForth() {
        Map<Integer, String> owners = owned("a", 0, 1);
        owners.putAll(owned("b", 2, 3));

        assertThat(SegmentBalance.decide("a", Set.of("a", "b"), FOUR, owners).none()).isTrue();
        assertThat(SegmentBalance.decide("b", Set.of("a", "b"), FOUR, owners).none()).isTrue();
    }

    @Test
    void aNodeAtItsShareDoesNotGiveToANodeThatCouldOnlyReachItBySpreadingUnevenly() {
        // 4 segments over 3 nodes: a share is 2, so 2 + 2 + 0 is as fair as it gets
        Map<Integer, String> owners = owned("a", 0, 1);
        owners.putAll(owned("b", 2, 3));

        SegmentBalance.Moves moves = SegmentBalance.decide("a", Set.of("a", "b", "c"), FOUR, owners);

        assertThat(moves.fairShare()).isEqualTo(2);
        assertThat(moves.none()).isTrue();
    }

    @Test
    void aSurvivorTakesTheSegmentsOfANodeThatIsGone() {
        // b is no longer among the live nodes and its claims have expired, so its segments are free
        SegmentBalance.Moves moves = SegmentBalance.decide("a", Set.of("a"), FOUR, owned("a", 0, 1));

        assertThat(moves.fairShare()).isEqualTo(4);
        assertThat(moves.claim()).containsExactly(2, 3);
    }

    @Test
    void segmentsStillClaimedByANodeThatIsGoneAreLeftUntilTheirClaimExpires() {
        Map<Integer, String> owners = owned("a", 0, 1);
        owners.putAll(owned("b", 2, 3));

        SegmentBalance.Moves moves = SegmentBalance.decide("a", Set.of("a"), FOUR, owners);

        assertThat(moves.none()).isTrue();
    }

    @Test
    void aNodeUnderItsShareClaimsOnlyWhatIsFree() {
        Map<Integer, String> owners = owned("b", 0, 1, 2);

        SegmentBalance.Moves moves = SegmentBalance.decide("c", Set.of("a", "b", "c"), FOUR, owners);

        assertThat(moves.claim()).containsExactly(3);
    }

    @Test
    void aNodeFarOverItsShareReleasesDownToItsShareWhenTheOthersLackThat() {
        // 8 segments, 3 nodes, share 3: a holds 6, b holds 2 (lacks 1), c holds 0 (lacks 3), nothing free
        List<Integer> eight = List.of(0, 1, 2, 3, 4, 5, 6, 7);
        Map<Integer, String> owners = owned("a", 0, 1, 2, 3, 4, 5);
        owners.putAll(owned("b", 6, 7));

        SegmentBalance.Moves moves = SegmentBalance.decide("a", Set.of("a", "b", "c"), eight, owners);

        assertThat(moves.fairShare()).isEqualTo(3);
        assertThat(moves.release()).containsExactly(5, 4, 3);
    }

    @Test
    void aProcessorWithoutSegmentsYetNeedsNothing() {
        assertThat(SegmentBalance.decide("a", Set.of("a", "b"), List.of(), Map.of()).none()).isTrue();
    }

    private static Map<Integer, String> owned(String node, int... segments) {
        Map<Integer, String> owners = new HashMap<>();
        for (int segment : segments) {
            owners.put(segment, node);
        }
        return owners;
    }
}
