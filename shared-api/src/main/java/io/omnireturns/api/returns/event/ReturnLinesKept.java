package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.KeptLine;
import org.axonframework.serialization.Revision;

import java.util.List;

@EventMeaning("The customer keeps these authorized lines (\"keep it\"): nothing is shipped or received for them; "
        + "they are refunded without inspection at the best grade and their stock is written off.")
@Revision("1")
public record ReturnLinesKept(String returnId, String orderId, List<KeptLine> lines) implements ReturnEvent {
}
