package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordReceipt(@TargetAggregateIdentifier String returnId, String receiptId, String locationId, List<ReceivedLine> lines) {
}
