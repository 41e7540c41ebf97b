package io.omnireturns.command.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnireturns.api.returns.ReturnStatus;

/**
 * What the sender is told about its event: where it stands, whether we had it already, and for a message the
 * return took, the status the return is in now; for a parked or refused one, the return's refusal code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationEventAnswer(String eventId, InboundEventState state, boolean duplicate, String returnId,
                                     ReturnStatus returnStatus, String code, String detail) {

    static IntegrationEventAnswer applied(String eventId, String returnId, ReturnStatus returnStatus) {
        return new IntegrationEventAnswer(eventId, InboundEventState.APPLIED, false, returnId, returnStatus, null, null);
    }

    static IntegrationEventAnswer parked(String eventId, String returnId, String code, String detail) {
        return new IntegrationEventAnswer(eventId, InboundEventState.PARKED, false, returnId, null, code, detail);
    }

    static IntegrationEventAnswer rejected(String eventId, String returnId, String code, String detail) {
        return new IntegrationEventAnswer(eventId, InboundEventState.REJECTED, false, returnId, null, code, detail);
    }
}
