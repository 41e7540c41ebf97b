package io.omnireturns.command.connectors.loyalty;

public interface Loyalty {

    /** Takes back the points earned on what was refunded. */
    PointsReversal reversePoints(PointsReversalRequest request);
}
