package io.omnireturns.command.returns.application;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code POST /api/v1/returns}. It names only what a channel may say: no id, status or amount,
 * which the service decides.
 */
public record ReturnRequestForm(
        @NotBlank @Size(max = 64) String orderId,
        @NotNull SalesChannel channel,
        @Size(max = 64) String storeId,
        @Size(max = 64) String customerId,
        RefundMethod refundMethod,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

    public record Line(
            @NotBlank @Size(max = 64) String orderLineId,
            @NotNull @Positive @Max(10_000) Integer quantity, // boxed: an explicit null is refused, not read as 0
            @NotNull ReturnReason reason,
            @Size(max = 64) String replacementSku) {
    }

    public RefundMethod refundMethodOrDefault() {
        return refundMethod == null ? RefundMethod.ORIGINAL_TENDER : refundMethod;
    }
}
