package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordFraudAssessment(@TargetAggregateIdentifier String returnId, int score, boolean reviewRequired, List<String> signals) {
}
