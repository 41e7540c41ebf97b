package io.omnireturns.api.ledger;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.orders.OrderSnapshot;
import org.axonframework.serialization.Revision;

import java.util.List;

@EventMeaning("Quantities of the order's lines were reserved for a return, within what its other returns left.")
@Revision("1")
public record ReturnQuantitiesReserved(String orderId, String returnId, List<QuantityReservation> reservations, OrderSnapshot order) {
}
