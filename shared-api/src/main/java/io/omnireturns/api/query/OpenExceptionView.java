package io.omnireturns.api.query;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.ProcessStep;

import java.time.Instant;

/**
 * A step of the return that exhausted its retries and waits in the exception queue for operations.
 * {@code stepKey} names the step and what it was for (e.g. {@code ADJUST_INVENTORY:L1}); {@code caseId} is the
 * CRM case opened for it, null until the CRM confirms one.
 */
public record OpenExceptionView(String exceptionId, ProcessStep step, String stepKey, ExternalSystem system,
                                String failureCode, String message, int attempts, Instant raisedAt,
                                String caseId) {
}
