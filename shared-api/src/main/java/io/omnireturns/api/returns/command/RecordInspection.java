package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordInspection(@TargetAggregateIdentifier String returnId, String inspectionId, List<InspectedLine> lines) {
}
