package io.omnireturns.api.error;

import io.omnireturns.api.catalogue.CheckoutDocs;
import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.PolicyOverride;
import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code docs/error-codes.md} from the code catalogues themselves: {@link ErrorCode} (every problem code with
 * its HTTP status and meaning), {@link FailureCode} (what a failed step records), {@link DeclineReason}, {@link TrustTier}, {@link ReturnerSignal} and
 * {@link PolicyOverride}. {@code -Derror-codes.write=true} on
 * {@link ErrorCatalogueTest} rewrites the committed file.
 */
final class ErrorCatalogue {

    static final String REGENERATE = "mvn -B -pl shared-api test -Dtest=ErrorCatalogueTest -Derror-codes.write=true";

    private ErrorCatalogue() {
    }

    static Path committedFile() {
        return CheckoutDocs.file("error-codes.md");
    }

    static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Error and reason codes\n\n")
                .append("The one catalogue of the stable codes the service answers with and records. Generated from\n")
                .append("`shared-api` (`io.omnireturns.api.error.ErrorCode`, `FailureCode`, `io.omnireturns.api.returns.DeclineReason`,\n")
                .append("`TrustTier`, `ReturnerSignal`, `io.omnireturns.api.returns.PolicyOverride`); do not edit by hand. `ErrorCatalogueTest` fails when\n")
                .append("this file and the code disagree; regenerate it with\n\n")
                .append("```bash\n").append(REGENERATE).append("\n```\n\n")
                .append("The API document takes the same list: `Problem.code` is an enum of these codes, and\n")
                .append("`OpenApiContractTest` fails when an operation names a code that is not here.\n\n")
                .append("## Problem codes\n\n")
                .append("Every error answer is an RFC 7807 problem (`application/problem+json`) whose `code` is one of these;\n")
                .append("its `type` is `/problems/<code in kebab case>`. Clients branch on the code, never on `detail`.\n\n")
                .append("| code | HTTP | meaning |\n|---|---|---|\n");
        for (ErrorCode code : ErrorCode.values()) {
            out.append("| `").append(code.name()).append("` | ").append(code.httpStatus()).append(" | ")
                    .append(code.meaning()).append(" |\n");
        }
        out.append("\n## Failure codes\n\n")
                .append("`failureCode` of a failed step (`StepFailed`, `RefundFailed`, `DifferenceChargeFailed`,\n")
                .append("`ClawbackChargeFailed`), of an exception in the queue (`GET /api/v1/exceptions`) and of the public\n")
                .append("`*.failed` events. A retryable failure is asked again by the return process, up to\n")
                .append("`omnireturns.process.step-max-attempts`; any other goes to the exception queue at once.\n")
                .append("`REJECTED` and `SERVER_ERROR` carry the HTTP status (`REJECTED_422`), `OUTCOME_REFUSED` the problem\n")
                .append("code with which the return refused the outcome; a failed eligibility decision is held with its problem\n")
                .append("code, or `DECISION_FAILED`.\n\n")
                .append("| code | from | retried | meaning |\n|---|---|---|---|\n");
        for (FailureCode code : FailureCode.values()) {
            String shown = switch (code) {
                case REJECTED, SERVER_ERROR -> code.name() + "_<status>";
                case OUTCOME_REFUSED -> code.name() + "_<code>";
                default -> code.name();
            };
            out.append("| `").append(shown).append("` | ").append(code.origin().name().toLowerCase()).append(" | ")
                    .append(code.retryable() ? "yes" : "no").append(" | ").append(code.meaning()).append(" |\n");
        }
        out.append("\n## Decline reasons\n\n")
                .append("`reasonCode` of `POST /api/v1/returns/{returnId}/decline`, recorded on `ReturnDeclined`.\n\n")
                .append("| code | meaning | note required |\n|---|---|---|\n");
        for (DeclineReason reason : DeclineReason.values()) {
            out.append("| `").append(reason.name()).append("` | ").append(reason.meaning()).append(" | ")
                    .append(reason.needsNote() ? "yes" : "no").append(" |\n");
        }
        out.append("\n## Trust tiers\n\n")
                .append("`tier` of `CustomerTrustAssessed`, `trustTier` of the fraud check, `trust.tier` of the status view.\n\n")
                .append("| code | meaning |\n|---|---|\n");
        for (TrustTier tier : TrustTier.values()) {
            out.append("| `").append(tier.name()).append("` | ").append(tier.meaning()).append(" |\n");
        }
        out.append("\n## Serial-returner signals\n\n")
                .append("`signals` of `CustomerTrustAssessed` and `trust.signals` of the status view, `returnerSignals` of the\n")
                .append("fraud check; thresholds in `omnireturns.policy.trust.*`.\n\n")
                .append("| code | meaning |\n|---|---|\n");
        for (ReturnerSignal signal : ReturnerSignal.values()) {
            out.append("| `").append(signal.name()).append("` | ").append(signal.meaning()).append(" |\n");
        }
        out.append("\n## Policy overrides\n\n")
                .append("`override` of `GoodwillGranted`: which part of the refund policy a goodwill exception set aside.\n\n")
                .append("| code |\n|---|\n");
        for (PolicyOverride override : PolicyOverride.values()) {
            out.append("| `").append(override.name()).append("` |\n");
        }
        return out.toString();
    }

    static void write() throws IOException {
        Files.writeString(committedFile(), render(), StandardCharsets.UTF_8);
    }
}
