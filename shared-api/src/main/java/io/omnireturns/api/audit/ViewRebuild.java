package io.omnireturns.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * A rebuild of a view from the event store into a shadow table, which replaces the live one once it has caught up
 * and passed its verification; the live view keeps answering meanwhile. The last rebuild stays visible after it
 * ended.
 *
 * @param rebuildId          this rebuild's id
 * @param phase              where it stands; {@code DONE}, {@code FAILED} and {@code CANCELLED} are final
 * @param requestedBy        the signed-in caller who asked for it
 * @param node               the service instance running it
 * @param throughGlobalIndex the events the shadow holds: every event up to this global index
 * @param returnsTotal       returns in the event store when the rebuild started (null while counted)
 * @param returnsRebuilt     returns rebuilt into the shadow so far in the first pass
 * @param progress           {@code returnsRebuilt / returnsTotal} while rebuilding, 1 from catching up on
 * @param catchUpPasses      passes over the events that arrived since the first pass
 * @param returnsCaughtUp    returns rebuilt again by those passes
 * @param returnsVerified    returns checked against the event store before the swap (null until verified)
 * @param correctedReturns   returns whose live row differed from what their events say (the swap corrects them)
 * @param cancelRequested    whether operations asked to cancel it
 * @param failure            why it failed, for people
 * @param differences        when it failed its verification, the returns the shadow got wrong; when it is done,
 *                           the live rows it corrected (the first of them)
 */
public record ViewRebuild(String view, String rebuildId, RebuildPhase phase, String requestedBy, String node,
                          Instant startedAt, Instant updatedAt, Instant finishedAt, Long throughGlobalIndex,
                          Long returnsTotal, long returnsRebuilt, Double progress, int catchUpPasses,
                          long returnsCaughtUp, Long returnsVerified, Long correctedReturns, boolean cancelRequested,
                          String failure, List<ViewDifference> differences) {

    public ViewRebuild {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }
}
