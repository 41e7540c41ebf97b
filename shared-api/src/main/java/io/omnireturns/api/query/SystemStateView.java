package io.omnireturns.api.query;

import io.omnireturns.api.returns.ExternalSystem;

import java.time.Instant;

/**
 * Where one external system stands for a return, e.g. {@code NOT_STARTED}, {@code ASSESSED} or {@code REVIEW}
 * (fraud), {@code LABEL_ISSUED}, {@code ADVISED} (warehouse), {@code REQUESTED}, {@code REFUNDED},
 * {@code SETTLED}, {@code REPLACEMENT_ORDERED} (order), {@code POSTED}, {@code ADJUSTED}, {@code NOTIFIED},
 * {@code RETRYING} (an attempt failed, another follows), {@code FAILED} (with an open exception, whose id starts
 * the detail), {@code CASE_OPENED} (CRM, the case id as reference), {@code ON_HOLD} or {@code RESOLVED}.
 * {@code reference} is the system's own key (tracking number, gateway reference, ERP document number);
 * {@code changedAt} is null while {@code NOT_STARTED}.
 */
public record SystemStateView(ExternalSystem system, String state, String reference, String detail,
                              Instant changedAt) {
}
