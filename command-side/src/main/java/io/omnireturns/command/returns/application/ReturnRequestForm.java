package io.omnireturns.command.returns.application;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * which the service decides. {@code quoteId}: the quote the shopper was shown ({@code POST /api/v1/returns/quotes}),
 * which the decision honours.
 */
public record ReturnRequestForm(
        @NotBlank @Size(max = 64) String orderId,
        @NotNull SalesChannel channel,
        @Size(max = 64) String storeId,
        @Size(max = 64) String customerId,
        RefundMethod refundMethod,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines,
        // left out of the request's hash when absent, so keys stored before quotes existed still match
        @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 64) String quoteId) {

    /** Without a quote. */
    public ReturnRequestForm(String orderId, SalesChannel channel, String storeId, String customerId,
                             RefundMethod refundMethod, List<Line> lines) {
        this(orderId, channel, storeId, customerId, refundMethod, lines, null);
    }

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
