package io.omnireturns.api.audit;

import java.util.List;

/**
 * Every event processor of this instance, with the head of the event store they are measured against.
 *
 * @param headPosition global index of the newest event in the store, -1 when it holds none
 */
public record ProcessorOverview(long headPosition, List<ProcessorStatus> processors) {

    public ProcessorOverview {
        processors = List.copyOf(processors);
    }
}
