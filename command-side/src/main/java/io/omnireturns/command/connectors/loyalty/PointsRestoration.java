package io.omnireturns.command.connectors.loyalty;

public record PointsRestoration(String reference, long pointsRestored) {
}
