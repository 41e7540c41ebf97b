package io.omnireturns.api.ledger;

import org.axonframework.serialization.Revision;

import java.util.Map;

@Revision("1")
public record ReturnQuantitiesReleased(String orderId, String returnId, String releaseId, Map<String, Integer> quantitiesByLine, String reason) {
}
