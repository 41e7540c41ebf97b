package io.omnireturns.command.integration;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.platform.web.ProblemDetailsAdvice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

/**
 * Signed webhooks of the carrier, the payment gateway and the warehouse, on the Standard Webhooks scheme. The
 * signature (over id, timestamp and raw body) and the timestamp's tolerance are checked before the body is parsed
 * or anything is stored; then the message is recorded under its {@code webhook-id} and applied to its return.
 * See docs/webhooks.md.
 */
@RestController
@RequestMapping("/api/v1/integrations")
@Tag(name = "integrations (inbound webhooks)")
public class IntegrationEventController {

    /** Printable ASCII without spaces and without '.', which delimits the signed content. */
    private static final Pattern WEBHOOK_ID = Pattern.compile("[\\x21-\\x2D\\x2F-\\x7E]{1,200}");
    /** Unix seconds; twelve digits reach the year 33658. */
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

    private final WebhookSignatures signatures;
    private final InboundMessageReader reader;
    private final InboundEvents events;

    public IntegrationEventController(WebhookSignatures signatures, InboundMessageReader reader, InboundEvents events) {
        this.signatures = signatures;
        this.reader = reader;
        this.events = events;
    }

    // JSON only: for a form content type the servlet container parses the body into parameters and Spring would hand
    // over a body rebuilt from them, not the bytes that were signed
    @PostMapping(path = "/{system}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Receive a signed event (Standard Webhooks) of the carrier, payments or warehouse system; "
            + "200 applied or repeated, 202 parked until the return is ready for it, 422 refused")
    @ApiResponse(responseCode = "200", description = "applied, or a repeat of a webhook-id already received")
    @ApiResponse(responseCode = "202", description = "parked until the return is ready for it")
    @ApiResponse(responseCode = "400", description = "no or a malformed webhook-id or webhook-timestamp header (code "
            + "MISSING_HEADER or VALIDATION_FAILED) or a body this system never sends (MALFORMED_REQUEST)")
    @ApiResponse(responseCode = "401", description = "no or a wrong signature (code INVALID_SIGNATURE), or a right one "
            + "whose webhook-timestamp is outside the tolerance (TIMESTAMP_OUT_OF_TOLERANCE)")
    @ApiResponse(responseCode = "404", description = "no such integration (code UNKNOWN_INTEGRATION)")
    @ApiResponse(responseCode = "413", description = "the body is too large (code PAYLOAD_TOO_LARGE)")
    @ApiResponse(responseCode = "415", description = "a Content-Type other than application/json (code "
            + "UNSUPPORTED_MEDIA_TYPE), answered before the signature is checked")
    @ApiResponse(responseCode = "422", description = "refused: no such return (code UNKNOWN_RETURN), or the return "
            + "refused it with its own code (e.g. ILLEGAL_TRANSITION, RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED)")
    public ResponseEntity<?> receive(@PathVariable String system,
                                     @RequestHeader(value = WebhookSignatures.ID_HEADER, required = false) String webhookId,
                                     @RequestHeader(value = WebhookSignatures.TIMESTAMP_HEADER, required = false) String timestamp,
                                     @RequestHeader(value = WebhookSignatures.SIGNATURE_HEADER, required = false) String signature,
                                     @RequestBody(required = false) byte[] body) {
        IntegrationSystem integration = IntegrationSystem.ofPath(system).orElseThrow(() -> new DomainException(
                ErrorKind.NOT_FOUND, IntegrationErrors.UNKNOWN_INTEGRATION, "no integration named '" + system + "'"));
        if (signature == null || signature.isBlank()) {
            throw new Unauthenticated(integration, IntegrationErrors.INVALID_SIGNATURE, signatureHint(integration));
        }
        String id = require(webhookId, WebhookSignatures.ID_HEADER, WEBHOOK_ID,
                "1 to 200 printable ASCII characters without spaces or dots");
        String sentAt = require(timestamp, WebhookSignatures.TIMESTAMP_HEADER, TIMESTAMP, "Unix time in seconds");
        byte[] raw = body == null ? new byte[0] : body;
        switch (signatures.verify(integration, id, sentAt, raw, signature)) {
            case INVALID_SIGNATURE ->
                    throw new Unauthenticated(integration, IntegrationErrors.INVALID_SIGNATURE, signatureHint(integration));
            case TOO_OLD -> throw new Unauthenticated(integration, IntegrationErrors.TIMESTAMP_OUT_OF_TOLERANCE,
                    "header " + WebhookSignatures.TIMESTAMP_HEADER + " is more than " + signatures.toleranceSeconds()
                            + " seconds in the past: sign every delivery, retries included, with the current time");
            case TOO_NEW -> throw new Unauthenticated(integration, IntegrationErrors.TIMESTAMP_OUT_OF_TOLERANCE,
                    "header " + WebhookSignatures.TIMESTAMP_HEADER + " is more than " + signatures.toleranceSeconds()
                            + " seconds ahead of this server's clock");
            case VALID -> {
            }
        }
        InboundMessage message = reader.read(integration, raw);
        return answer(events.receive(integration, id, raw, message));
    }

    @ExceptionHandler(Unauthenticated.class)
    ResponseEntity<ProblemDetail> unauthenticated(Unauthenticated e) {
        ResponseEntity<ProblemDetail> problem = ProblemDetailsAdvice.problem(HttpStatus.UNAUTHORIZED, e.code, e.detail);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "StandardWebhooks realm=\"" + e.system.path() + "\"")
                .headers(problem.getHeaders())
                .body(problem.getBody());
    }

    private static String signatureHint(IntegrationSystem system) {
        return "header " + WebhookSignatures.SIGNATURE_HEADER + " must hold v1,<base64 HMAC-SHA256 of "
                + "'<webhook-id>.<webhook-timestamp>.<body>' with the " + system.path() + " secret>";
    }

    private static String require(String value, String header, Pattern format, String formatDescription) {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorKind.INVALID_INPUT, IntegrationErrors.MISSING_HEADER,
                    "header '" + header + "' is required");
        }
        if (!format.matcher(value).matches()) {
            throw new DomainException(ErrorKind.INVALID_INPUT, IntegrationErrors.VALIDATION_FAILED,
                    "header '" + header + "' must be " + formatDescription);
        }
        return value;
    }

    private static ResponseEntity<?> answer(IntegrationEventAnswer answer) {
        if (answer.duplicate()) {
            return ResponseEntity.ok(answer);
        }
        return switch (answer.state()) {
            case PARKED -> ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
            case REJECTED -> {
                ResponseEntity<ProblemDetail> problem = ProblemDetailsAdvice.problem(
                        HttpStatus.UNPROCESSABLE_ENTITY, answer.code(), answer.detail());
                problem.getBody().setProperty("eventId", answer.eventId());
                problem.getBody().setProperty("state", answer.state());
                problem.getBody().setProperty("returnId", answer.returnId());
                yield problem;
            }
            default -> ResponseEntity.ok(answer);
        };
    }

    /** Refused before the body is read or anything is recorded. */
    static final class Unauthenticated extends RuntimeException {

        private final transient IntegrationSystem system;
        private final String code;
        private final String detail;

        Unauthenticated(IntegrationSystem system, String code, String detail) {
            super(code + " for " + system.path(), null, false, false);
            this.system = system;
            this.code = code;
            this.detail = detail;
        }
    }
}
