package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import java.util.List;
import org.axonframework.serialization.Revision;

@EventMeaning("A warehouse or store received items of the return at a location; wrong items are named by line.")
@Revision("1")
public record ReturnItemsReceived(String returnId, String receiptId, String locationId, List<ReceivedLine> lines, List<String> wrongItemLineIds) implements ReturnEvent {
}
