package io.omnireturns.command.returns.web;

import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.ReturnStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Request bodies of the command API. They carry only what the caller may say; ids and statuses are ours. Required
 * numbers are boxed and {@code @NotNull}: an explicit JSON {@code null} is refused ({@code VALIDATION_FAILED}), not
 * read as 0. An optional flag left out, or {@code null}, is {@code false}.
 */
public final class ReturnCommandForms {

    private ReturnCommandForms() {
    }

    /** Who cancels is the signed-in caller, never a field. */
    public record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }

    public record Receipt(@NotBlank @Size(max = 64) String receiptId,
                   @NotBlank @Size(max = 64) String locationId,
                   @NotEmpty @Size(max = 100) List<@Valid @NotNull ReceiptLine> lines) {
    }

    public record ReceiptLine(@NotBlank @Size(max = 64) String orderLineId,
                       @NotNull @Positive @Max(10_000) Integer quantity,
                       @Size(max = 64) String receivedSku) {
    }

    public record Inspection(@NotBlank @Size(max = 64) String inspectionId,
                      @NotEmpty @Size(max = 100) List<@Valid @NotNull InspectionLine> lines) {
    }

    public record InspectionLine(@NotBlank @Size(max = 64) String orderLineId,
                          @NotNull @PositiveOrZero @Max(10_000) Integer acceptedQuantity,
                          @NotNull @PositiveOrZero @Max(10_000) Integer rejectedQuantity,
                          @NotNull Grade grade,
                          @NotNull Disposition disposition,
                          Boolean needsManualReview,
                          @Size(max = 500) String note) {

        /** Optional: left out or {@code null} means no. */
        public boolean manualReviewNeeded() {
            return Boolean.TRUE.equals(needsManualReview);
        }
    }

    /** Who resolves is the signed-in caller, never a field. */
    public record HoldResolution(@NotNull HoldDecision decision,
                          @NotBlank @Size(max = 500) String reason) {
    }

    /** The answer of every state-changing call: the return and the status it is now in. */
    public record StatusAnswer(String returnId, ReturnStatus status) {
    }
}
