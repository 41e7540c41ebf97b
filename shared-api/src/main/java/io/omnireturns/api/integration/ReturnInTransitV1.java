package io.omnireturns.api.integration;

/** {@code io.omnireturns.return.in_transit.v1}: the carrier scanned the parcel; it is on its way back. */
public record ReturnInTransitV1(String returnId, String carrier) {
}
