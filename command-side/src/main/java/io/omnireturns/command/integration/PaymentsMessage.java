package io.omnireturns.command.integration;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.omnireturns.api.returns.command.RecordRefundFailed;
import io.omnireturns.api.returns.command.RecordRefundSettled;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/** Settlement events of the payment gateway. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PaymentsMessage.RefundSettled.class, name = PaymentsMessage.RefundSettled.TYPE),
        @JsonSubTypes.Type(value = PaymentsMessage.RefundFailed.class, name = PaymentsMessage.RefundFailed.TYPE)})
public sealed interface PaymentsMessage extends InboundMessage {

    record RefundSettled(@NotBlank @Pattern(regexp = RETURN_ID) String returnId,
                         @NotBlank @Size(max = 128) String gatewayReference) implements PaymentsMessage {

        static final String TYPE = "REFUND_SETTLED";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<Object> command() {
            return Optional.of(new RecordRefundSettled(returnId, gatewayReference));
        }
    }

    /**
     * The gateway gave up on the refund for good: the return goes ON_HOLD for a person. It can only follow the
     * refund request, so a return that is not waiting for its refund (already on hold, or refunded) refuses it
     * for good: parked, it would put the return back on hold after a person resumed it.
     */
    record RefundFailed(@NotBlank @Pattern(regexp = RETURN_ID) String returnId,
                        @NotBlank @Size(max = 128) String gatewayReference,
                        @NotBlank @Size(max = 64) String failureCode,
                        @Size(max = 500) String message) implements PaymentsMessage {

        static final String TYPE = "REFUND_FAILED";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<Object> command() {
            return Optional.of(new RecordRefundFailed(returnId, failureCode, message, true));
        }

        @Override
        public boolean mayArriveEarly() {
            return false;
        }
    }
}
