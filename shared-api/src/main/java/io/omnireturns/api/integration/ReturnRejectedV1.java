package io.omnireturns.api.integration;

import io.omnireturns.api.returns.DeclineReason;

import java.util.List;

/**
 * {@code io.omnireturns.return.rejected.v1}: the return ended not eligible (terminal, status {@code REJECTED}), by the
 * eligibility policy (per-line decisions) or by a person (a decline, or a hold resolved as a rejection).
 */
public record ReturnRejectedV1(String returnId, String orderId,
                               @OneOf(RejectedBy.class) String rejectedBy,
                               @OneOf(DeclineReason.class)
                               @NullWhen("the rejection is not a decline with a listed reason") String declineReason,
                               List<LineEligibility> lines) {

    public ReturnRejectedV1 {
        lines = List.copyOf(lines);
    }

    /** Who ended the return. */
    public enum RejectedBy {
        /** The eligibility policy: {@code lines} give the reason codes. */
        POLICY,
        /** A person: a decline ({@code declineReason} set) or a hold resolved as a rejection; {@code lines} empty. */
        STAFF
    }
}
