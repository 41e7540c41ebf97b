package io.omnireturns.api.audit;

import java.util.List;

/**
 * Where one event processor stands. Positions are global indexes of the event store; the segments come from the
 * token store, so they cover every instance of the service, not only the one answering.
 *
 * @param kind                what its handlers are: {@code PROJECTION}, {@code SAGA} or {@code EVENT_HANDLER}
 * @param type                the Axon processor class, e.g. {@code PooledStreamingEventProcessor}
 * @param running             whether it runs on this instance
 * @param error               whether it is in error on this instance (a failing batch it keeps retrying)
 * @param replayable          whether {@code POST .../replay} may rebuild it: only projections that are allowed to
 * @param headPosition        global index of the newest event when this status was taken
 * @param lowestPosition      the slowest segment's position (-1 for one that has handled nothing yet); null when the
 *                            processor does not stream or has no segment yet
 * @param lag                 events between the head and the slowest segment; null with {@code lowestPosition}
 * @param replaying           whether any segment is replaying and not yet back where it stood at the reset
 * @param replayProgress      while replaying: how far the slowest segment is towards the position the replay
 *                            ends at, from 0 to 1; null otherwise
 * @param deadLetters         events waiting in the processing group's dead-letter queue
 * @param deadLetterSequences how many returns (sequences) those events belong to
 * @param segments            every segment of the token store, claimed here, elsewhere or not at all
 * @param viewRebuild         the status view's rebuild into its shadow table while one runs (its replay); null
 *                            otherwise. {@code replaying} and {@code replayProgress} then follow it.
 */
public record ProcessorStatus(String name, String kind, String type, boolean running, boolean error,
                              boolean replayable, long headPosition, Long lowestPosition, Long lag,
                              boolean replaying, Double replayProgress, long deadLetters, long deadLetterSequences,
                              List<SegmentStatus> segments, ViewRebuild viewRebuild) {

    public ProcessorStatus {
        segments = List.copyOf(segments);
    }
}
