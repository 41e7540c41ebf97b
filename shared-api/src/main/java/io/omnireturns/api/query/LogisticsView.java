package io.omnireturns.api.query;

import io.omnireturns.api.returns.LogisticsState;

/**
 * Where the items of one line are. Wrong items do not count as received; {@code shortQuantity} is what was
 * authorized but had not arrived when inspection completed.
 */
public record LogisticsView(LogisticsState state, int requestedQuantity, int authorizedQuantity,
                            int receivedQuantity, int wrongItemQuantity, int shortQuantity) {
}
