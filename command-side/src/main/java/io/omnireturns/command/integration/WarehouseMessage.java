package io.omnireturns.command.integration;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordReceipt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Optional;

/** Receipts and inspections of the warehouse; the same limits as the command API's receipt and inspection forms. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = WarehouseMessage.Receipt.class, name = WarehouseMessage.Receipt.TYPE),
        @JsonSubTypes.Type(value = WarehouseMessage.Inspection.class, name = WarehouseMessage.Inspection.TYPE)})
public sealed interface WarehouseMessage extends InboundMessage {

    record Receipt(@NotBlank @Pattern(regexp = RETURN_ID) String returnId,
                   @NotBlank @Size(max = 64) String receiptId,
                   @NotBlank @Size(max = 64) String locationId,
                   @NotEmpty @Size(max = 100) List<@Valid @NotNull ReceiptLine> lines) implements WarehouseMessage {

        static final String TYPE = "RECEIPT";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<Object> command() {
            return Optional.of(new RecordReceipt(returnId, receiptId, locationId, lines.stream()
                    .map(line -> new ReceivedLine(line.orderLineId(), line.quantity(), line.receivedSku()))
                    .toList()));
        }
    }

    record ReceiptLine(@NotBlank @Size(max = 64) String orderLineId,
                       @NotNull @Positive @Max(10_000) Integer quantity,
                       @Size(max = 64) String receivedSku) {
    }

    record Inspection(@NotBlank @Pattern(regexp = RETURN_ID) String returnId,
                      @NotBlank @Size(max = 64) String inspectionId,
                      @NotEmpty @Size(max = 100) List<@Valid @NotNull InspectionLine> lines) implements WarehouseMessage {

        static final String TYPE = "INSPECTION";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<Object> command() {
            return Optional.of(new RecordInspection(returnId, inspectionId, lines.stream()
                    .map(line -> new InspectedLine(line.orderLineId(), line.acceptedQuantity(), line.rejectedQuantity(),
                            line.grade(), line.disposition(), line.needsManualReview(), line.note()))
                    .toList()));
        }
    }

    record InspectionLine(@NotBlank @Size(max = 64) String orderLineId,
                          @NotNull @PositiveOrZero @Max(10_000) Integer acceptedQuantity,
                          @NotNull @PositiveOrZero @Max(10_000) Integer rejectedQuantity,
                          @NotNull Grade grade,
                          @NotNull Disposition disposition,
                          boolean needsManualReview,
                          @Size(max = 500) String note) {
    }
}
