package io.omnireturns.distribution.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** A subscription's new secret; write-only. */
public record SecretRotationRequest(
        @Schema(description = "the new whsec_ secret; write-only", accessMode = Schema.AccessMode.WRITE_ONLY,
                example = "whsec_bmV3LWRlbW8tc3Vic2NyaWJlci1zZWNyZXQtMzItYnl0ZXM=")
        @NotBlank String secret) {

    @Override
    public String toString() {
        return "SecretRotationRequest[secret=***]";
    }
}
