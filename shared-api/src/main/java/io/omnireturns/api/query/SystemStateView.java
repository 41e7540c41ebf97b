package io.omnireturns.api.query;

import io.omnireturns.api.returns.ExternalSystem;

import java.time.Instant;

/**
 * Where one external system stands for a return, e.g. {@code NOT_STARTED}, {@code LABEL_ISSUED},
 * {@code REQUESTED}, {@code REFUNDED}, {@code FAILED}, {@code POSTED}, {@code ADJUSTED}, {@code NOTIFIED},
 * {@code ON_HOLD} or {@code RESOLVED}. {@code reference} is the system's own key (tracking number, gateway
 * reference, ERP document number); {@code changedAt} is null while {@code NOT_STARTED}.
 */
public record SystemStateView(ExternalSystem system, String state, String reference, String detail,
                              Instant changedAt) {
}
