package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.ReturnStatus;
import org.axonframework.serialization.Revision;

@EventMeaning("A person declined the return before any refund was decided (terminal, status REJECTED); reason is "
        + "from the closed list of decline reasons, declinedFrom the status it was declined in.")
@Revision("1")
public record ReturnDeclined(String returnId, String orderId, DeclineReason reason, String note, String declinedBy,
                             ReturnStatus declinedFrom) implements ReturnEvent {
}
