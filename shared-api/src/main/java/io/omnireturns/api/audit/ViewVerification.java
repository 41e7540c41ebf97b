package io.omnireturns.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of rebuilding a view from the event store beside the live one and comparing them return by return.
 *
 * @param equal                  true when every return compared equal and none is missing on either side
 * @param throughGlobalIndex     the events read: every event up to this global index
 * @param returnsCompared        returns rebuilt from their events and compared with their live row
 * @param eventsRead             events read from the event store
 * @param differenceCount        returns that differ, all of them
 * @param differences            the first of them (at most the configured number), in return id order
 * @param changedWhileVerifying  returns left out because newer events reached the live view during the run
 * @param verifiedAt             when the run started
 * @param durationMillis         how long it took
 */
public record ViewVerification(String view, boolean equal, long throughGlobalIndex, long returnsCompared,
                               long eventsRead, long differenceCount, List<ViewDifference> differences,
                               long changedWhileVerifying, Instant verifiedAt, long durationMillis) {

    public ViewVerification {
        differences = List.copyOf(differences);
    }
}
