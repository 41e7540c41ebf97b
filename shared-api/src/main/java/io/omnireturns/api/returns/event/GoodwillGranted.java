package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.PolicyOverride;
import org.axonframework.serialization.Revision;

@EventMeaning("A person overrode the refund policy as a goodwill exception (override says which part), with a "
        + "reason; the refund decided afterwards follows it.")
@Revision("1")
public record GoodwillGranted(String returnId, PolicyOverride override, String reason, String grantedBy)
        implements ReturnEvent {
}
