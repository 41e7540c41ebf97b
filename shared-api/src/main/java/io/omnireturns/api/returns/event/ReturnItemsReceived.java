package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReturnItemsReceived(String returnId, String receiptId, String locationId, List<ReceivedLine> lines, List<String> wrongItemLineIds) implements ReturnEvent {
}
