package io.omnireturns.command.returns.web;

import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.command.returns.application.ReturnStaffActions;
import io.omnireturns.command.returns.web.ReturnCommandForms.StatusAnswer;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a person does to a return by hand (the staff console calls {@link ReturnStaffActions} the same way): hold,
 * decline, goodwill, notes. Thin: every decision is the return's. Who acts is the signed-in caller, never a field.
 */
@RestController
@Validated
@RequestMapping("/api/v1/returns")
@Tag(name = "returns (staff actions)")
public class ReturnStaffController {

    private static final String RETURN_ID = "[A-Za-z0-9-]{1,64}";
    private static final String NOT_FOUND = "no such return, or not one the caller may handle (code RETURN_NOT_FOUND)";

    private final ReturnStaffActions actions;

    public ReturnStaffController(ReturnStaffActions actions) {
        this.actions = actions;
    }

    public record HoldRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record DeclineRequest(
            @NotNull DeclineReason reasonCode,
            @Size(max = 500) @Schema(description = "required for OTHER; plain text") String note) {
    }

    public record GoodwillRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record NoteRequest(@NotBlank @Size(max = 2000) @Schema(description = "plain text, shown as written, "
            + "never interpreted as markup") String text) {
    }

    /** The answer to a note: its id (the Idempotency-Key) and the return's status. */
    public record NoteAnswer(String returnId, String noteId, ReturnStatus status) {
    }

    @PostMapping("/{returnId}/holds")
    @Operation(summary = "Put a return on hold by hand (reason MANUAL); its process stops until the hold is resolved")
    @ApiResponse(responseCode = "200", description = "the return, now ON_HOLD")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "the return is on hold already (code RETURN_ALREADY_ON_HOLD), "
            + "over (RETURN_IS_TERMINAL) or changed at the same moment (CONCURRENT_MODIFICATION)")
    public StatusAnswer hold(@PathVariable @Pattern(regexp = RETURN_ID) String returnId,
                             @RequestBody @Valid HoldRequest body, HttpServletRequest request) {
        return new StatusAnswer(returnId, actions.putOnHold(returnId, body.reason(),
                RequestMetadataInterceptor.actorOf(request)));
    }

    @PostMapping("/{returnId}/decline")
    @Operation(summary = "Decline a return by hand with a reason code, before its refund is decided (terminal: "
            + "REJECTED); the same decline again changes nothing")
    @ApiResponse(responseCode = "200", description = "the return, now REJECTED")
    @ApiResponse(responseCode = "400", description = "a body that breaks the contract (code MALFORMED_REQUEST, "
            + "VALIDATION_FAILED, UNKNOWN_FIELD, DUPLICATE_FIELD) or reason code OTHER without a note (NOTE_REQUIRED)")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "the refund is decided, requested or paid already (code "
            + "RETURN_NOT_DECLINABLE), the return is over (RETURN_IS_TERMINAL) or changed at the same moment "
            + "(CONCURRENT_MODIFICATION)")
    public StatusAnswer decline(@PathVariable @Pattern(regexp = RETURN_ID) String returnId,
                                @RequestBody @Valid DeclineRequest body, HttpServletRequest request) {
        return new StatusAnswer(returnId, actions.decline(returnId, body.reasonCode(), body.note(),
                RequestMetadataInterceptor.actorOf(request)));
    }

    @PostMapping("/{returnId}/goodwill")
    @Operation(summary = "Approve the refund as a goodwill exception outside the policy: it is priced without "
            + "condition deductions and restocking fees; audited as an override")
    @ApiResponse(responseCode = "200", description = "the return and its status (unchanged: the refund decided "
            + "after inspection follows the exception)")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "the return is not authorized yet (code GOODWILL_NOT_ALLOWED), "
            + "its refund is decided (REFUND_ALREADY_APPROVED), goodwill was granted with another reason "
            + "(GOODWILL_ALREADY_GRANTED), it is over (RETURN_IS_TERMINAL) or changed at the same moment "
            + "(CONCURRENT_MODIFICATION)")
    public StatusAnswer goodwill(@PathVariable @Pattern(regexp = RETURN_ID) String returnId,
                                 @RequestBody @Valid GoodwillRequest body, HttpServletRequest request) {
        return new StatusAnswer(returnId, actions.grantGoodwill(returnId, body.reason(),
                RequestMetadataInterceptor.actorOf(request)));
    }

    @PostMapping("/{returnId}/notes")
    @Operation(summary = "Add a plain-text note to a return (also once it is over); the Idempotency-Key is the "
            + "note's id, so the same key and text again add nothing")
    @ApiResponse(responseCode = "200", description = "the note's id and the return's status")
    @ApiResponse(responseCode = "400", description = "a body or header that breaks the contract (code "
            + "MALFORMED_REQUEST, VALIDATION_FAILED, UNKNOWN_FIELD, DUPLICATE_FIELD, MISSING_HEADER, "
            + "INVALID_IDEMPOTENCY_KEY) or control characters in the text (NOTE_HAS_CONTROL_CHARACTERS)")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "the return changed at the same moment (code "
            + "CONCURRENT_MODIFICATION)")
    @ApiResponse(responseCode = "422", description = "the key was used for another text (IDEMPOTENCY_KEY_REUSED) "
            + "or the return holds the most notes it may (TOO_MANY_NOTES)")
    public NoteAnswer addNote(@PathVariable @Pattern(regexp = RETURN_ID) String returnId,
                              @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 200) String idempotencyKey,
                              @RequestBody @Valid NoteRequest body, HttpServletRequest request) {
        ReturnStatus status = actions.addNote(returnId, idempotencyKey, body.text(),
                RequestMetadataInterceptor.actorOf(request));
        return new NoteAnswer(returnId, idempotencyKey, status);
    }
}
