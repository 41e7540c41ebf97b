package io.omnireturns.api.ledger;

import io.omnireturns.api.orders.OrderSnapshot;
import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record ReturnQuantitiesReserved(String orderId, String returnId, List<QuantityReservation> reservations, OrderSnapshot order) {
}
