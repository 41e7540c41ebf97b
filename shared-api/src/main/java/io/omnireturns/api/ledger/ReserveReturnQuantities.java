package io.omnireturns.api.ledger;

import io.omnireturns.api.orders.OrderSnapshot;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/**
 * Reserve quantities of an order's lines for one return. The ledger of the order grants a line only when
 * what is asked fits in what is left after all other returns of that order; it answers with a
 * {@link QuantityReservation} per line. Asking again for the same return answers the same.
 */
public record ReserveReturnQuantities(@TargetAggregateIdentifier String orderId, String returnId,
                                      Map<String, Integer> quantitiesByLine, OrderSnapshot order) {
}
