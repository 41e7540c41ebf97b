package io.omnireturns.command.connectors.carrier;

public record ReturnLabel(String carrier, String trackingNumber, String labelUrl) {
}
