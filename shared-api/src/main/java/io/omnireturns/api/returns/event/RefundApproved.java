package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning("The refund was decided after inspection: per-line amounts, shipping refund, total and the split "
        + "over the tenders.")
@Revision("1")
public record RefundApproved(String returnId, RefundBreakdown breakdown) implements ReturnEvent {
}
