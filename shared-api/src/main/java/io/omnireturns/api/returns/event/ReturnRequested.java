package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import java.util.List;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import org.axonframework.serialization.Revision;

@EventMeaning("A customer asked, through a channel, to return lines of an order; carries the order as it was bought.")
@Revision("1")
public record ReturnRequested(String returnId, SalesChannel channel, String storeId, String customerId, String orderId, RefundMethod refundMethod, List<RequestedLine> lines, OrderSnapshot order) implements ReturnEvent {
}
