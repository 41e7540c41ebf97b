package io.omnireturns.command.connectors.loyalty;

public record PointsReversal(String reference, long pointsReversed) {
}
