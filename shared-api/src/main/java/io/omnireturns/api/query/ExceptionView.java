package io.omnireturns.api.query;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.ProcessStep;

import java.time.Instant;

/**
 * One entry of the exception queue: a step of a return that exhausted its retries (or was refused for good),
 * as operations work through it.
 *
 * @param exceptionId {@code EX-<returnId>-<n>}, the id the retry action takes
 * @param orderId     the return's order, null when the queue never saw the return requested
 * @param customerId  the return's customer, null when unknown
 * @param stepKey     the step and what it was for, e.g. {@code ADJUST_INVENTORY:L1}; also the idempotency key of
 *                    the step's call, so a retry cannot repeat its effect
 * @param attempts    how many attempts were made before it was raised, in the round that raised it (a step run
 *                    again from the queue counts its new round from zero; 0 for an overdue settlement)
 * @param caseId      the CRM case opened for it, null until the CRM confirms one
 * @param resolution  {@code RETRY}, {@code RESUME}, {@code REJECT} or {@code CANCEL}; null while {@code OPEN}
 * @param resolvedBy  who resolved it; null while {@code OPEN}
 * @param resolvedAt  when it was resolved; null while {@code OPEN}
 */
public record ExceptionView(String exceptionId, String returnId, String orderId, String customerId,
                            ProcessStep step, String stepKey, ExternalSystem system, String failureCode,
                            String message, int attempts, Instant raisedAt, String caseId, ExceptionState state,
                            String resolution, String resolvedBy, Instant resolvedAt) {
}
