package io.omnireturns.command.integration;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Optional;

/** Tracking events of the carrier. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CarrierMessage.ParcelInTransit.class, name = CarrierMessage.ParcelInTransit.TYPE),
        @JsonSubTypes.Type(value = CarrierMessage.ParcelDelivered.class, name = CarrierMessage.ParcelDelivered.TYPE)})
public sealed interface CarrierMessage extends InboundMessage {

    record ParcelInTransit(@NotBlank @Pattern(regexp = RETURN_ID) String returnId,
                           @NotBlank @Size(max = 64) String carrier,
                           @NotBlank @Size(max = 64) String trackingNumber,
                           @NotNull Instant occurredAt) implements CarrierMessage {

        static final String TYPE = "PARCEL_IN_TRANSIT";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<Object> command() {
            return Optional.of(new RecordParcelInTransit(returnId, carrier, trackingNumber));
        }
    }

    /** Recorded only: the return moves on when the warehouse confirms what was in the parcel. */
    record ParcelDelivered(@NotBlank @Pattern(regexp = RETURN_ID) String returnId,
                           @NotBlank @Size(max = 64) String carrier,
                           @NotBlank @Size(max = 64) String trackingNumber,
                           @NotNull Instant occurredAt) implements CarrierMessage {

        static final String TYPE = "PARCEL_DELIVERED";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<Object> command() {
            return Optional.empty();
        }
    }
}
