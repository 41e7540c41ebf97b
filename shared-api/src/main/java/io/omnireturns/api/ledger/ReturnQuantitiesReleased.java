package io.omnireturns.api.ledger;

import io.omnireturns.api.catalogue.EventMeaning;
import org.axonframework.serialization.Revision;

import java.util.Map;

@EventMeaning("Quantities a return held on the order were given back (rejected, cancelled or expired return, "
        + "or items that never arrived).")
@Revision("1")
public record ReturnQuantitiesReleased(String orderId, String returnId, String releaseId, Map<String, Integer> quantitiesByLine, String reason) {
}
