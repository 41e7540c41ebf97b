package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import java.util.List;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestReturn(@TargetAggregateIdentifier String returnId, SalesChannel channel, String storeId, String customerId, RefundMethod refundMethod, List<RequestedLine> lines, OrderSnapshot order) {
}
