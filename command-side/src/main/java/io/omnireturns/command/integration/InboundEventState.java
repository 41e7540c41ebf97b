package io.omnireturns.command.integration;

/** Where an inbound message stands; see the migration of {@code inbound_integration_event}. */
public enum InboundEventState {
    RECEIVED,
    APPLIED,
    PARKED,
    REJECTED
}
