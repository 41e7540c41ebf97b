package io.omnireturns.distribution.kafka;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * @param from  events stored at or after this instant are sent again (not in the future)
 * @param topic where to; the live topic ({@code omnireturns.kafka.topic}) when left out
 */
public record RepublicationRequest(
        @NotNull @Schema(example = "2026-01-01T00:00:00Z") Instant from,
        @Schema(example = "omnireturns.returns.v1.replay", nullable = true) String topic) {
}
