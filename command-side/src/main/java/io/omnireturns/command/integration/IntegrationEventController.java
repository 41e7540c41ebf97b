package io.omnireturns.command.integration;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.platform.web.ProblemDetailsAdvice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * Signed webhooks of the carrier, the payment gateway and the warehouse. The signature is checked on the raw
 * body before anything is parsed or stored; then the message is recorded under the sender's event id and
 * applied to its return. See docs/webhooks.md.
 */
@RestController
@RequestMapping("/api/v1/integrations")
@Tag(name = "integrations (inbound webhooks)")
public class IntegrationEventController {

    public static final String EVENT_ID_HEADER = "X-Event-Id";
    private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7E]{1,200}"); // printable ASCII, no spaces

    private final WebhookSignatures signatures;
    private final InboundMessageReader reader;
    private final InboundEvents events;

    public IntegrationEventController(WebhookSignatures signatures, InboundMessageReader reader, InboundEvents events) {
        this.signatures = signatures;
        this.reader = reader;
        this.events = events;
    }

    @PostMapping("/{system}/events")
    @Operation(summary = "Receive a signed event of the carrier, payments or warehouse system; "
            + "200 applied or repeated, 202 parked until the return is ready for it, 422 refused")
    @ApiResponse(responseCode = "200", description = "applied, or a repeat of an event already received")
    @ApiResponse(responseCode = "202", description = "parked until the return is ready for it")
    @ApiResponse(responseCode = "400", description = "no or a malformed event id header (code MISSING_HEADER or "
            + "VALIDATION_FAILED) or a body this system never sends (MALFORMED_REQUEST)")
    @ApiResponse(responseCode = "401", description = "no or a wrong HMAC signature (code INVALID_SIGNATURE)")
    @ApiResponse(responseCode = "404", description = "no such integration (code UNKNOWN_INTEGRATION)")
    @ApiResponse(responseCode = "413", description = "the body is too large (code PAYLOAD_TOO_LARGE)")
    @ApiResponse(responseCode = "422", description = "refused: no such return (code UNKNOWN_RETURN), or the return "
            + "refused it with its own code (e.g. ILLEGAL_TRANSITION, RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED)")
    public ResponseEntity<?> receive(@PathVariable String system,
                                     @RequestHeader(value = WebhookSignatures.HEADER, required = false) String signature,
                                     @RequestHeader(value = EVENT_ID_HEADER, required = false) String eventId,
                                     @RequestBody(required = false) byte[] body) {
        IntegrationSystem integration = IntegrationSystem.ofPath(system).orElseThrow(() -> new DomainException(
                ErrorKind.NOT_FOUND, IntegrationErrors.UNKNOWN_INTEGRATION, "no integration named '" + system + "'"));
        byte[] raw = body == null ? new byte[0] : body;
        if (!signatures.isValid(integration, raw, signature)) {
            throw new InvalidSignature(integration);
        }
        String senderEventId = requireEventId(eventId);
        InboundMessage message = reader.read(integration, raw);
        return answer(events.receive(integration, senderEventId, raw, message));
    }

    @ExceptionHandler(InvalidSignature.class)
    ResponseEntity<ProblemDetail> invalidSignature(InvalidSignature e) {
        ResponseEntity<ProblemDetail> problem = ProblemDetailsAdvice.problem(HttpStatus.UNAUTHORIZED,
                IntegrationErrors.INVALID_SIGNATURE, "header " + WebhookSignatures.HEADER
                        + " must be sha256=<hex HMAC-SHA256 of the body with the " + e.system.path() + " secret>");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "HMAC-SHA256 realm=\"" + e.system.path() + "\"")
                .headers(problem.getHeaders())
                .body(problem.getBody());
    }

    private static String requireEventId(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new DomainException(ErrorKind.INVALID_INPUT, IntegrationErrors.MISSING_HEADER,
                    "header '" + EVENT_ID_HEADER + "' is required");
        }
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new DomainException(ErrorKind.INVALID_INPUT, IntegrationErrors.VALIDATION_FAILED,
                    "header '" + EVENT_ID_HEADER + "' must be 1 to 200 printable ASCII characters without spaces");
        }
        return eventId;
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

    /** Refused before anything is read or recorded. */
    static final class InvalidSignature extends RuntimeException {

        private final transient IntegrationSystem system;

        InvalidSignature(IntegrationSystem system) {
            super("invalid signature for " + system.path(), null, false, false);
            this.system = system;
        }
    }
}
