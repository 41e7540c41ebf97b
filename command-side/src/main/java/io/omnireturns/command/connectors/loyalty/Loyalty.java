package io.omnireturns.command.connectors.loyalty;

public interface Loyalty {

    /** Takes back the points earned on what was refunded. */
    PointsReversal reversePoints(PointsReversalRequest request);

    /** Gives back points reversed for a return, never more than were reversed for it. */
    PointsRestoration restorePoints(PointsRestoreRequest request);
}
