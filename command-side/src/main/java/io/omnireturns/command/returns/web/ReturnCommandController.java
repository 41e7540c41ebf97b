package io.omnireturns.command.returns.web;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.command.returns.application.ReturnRequestAnswer;
import io.omnireturns.command.returns.application.ReturnRequestForm;
import io.omnireturns.command.returns.application.ReturnRequestService;
import io.omnireturns.command.returns.application.ReturnStaffActions;
import io.omnireturns.command.returns.web.ReturnCommandForms.Cancellation;
import io.omnireturns.command.returns.web.ReturnCommandForms.HoldResolution;
import io.omnireturns.command.returns.web.ReturnCommandForms.Inspection;
import io.omnireturns.command.returns.web.ReturnCommandForms.Receipt;
import io.omnireturns.command.returns.web.ReturnCommandForms.StatusAnswer;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The command API of returns: thin, every decision is the aggregate's or the request service's. */
@RestController
@Validated
@RequestMapping("/api/v1/returns")
@Tag(name = "returns (commands)")
public class ReturnCommandController {

    private static final String RETURN_ID = "[A-Za-z0-9-]{1,64}";

    private final ReturnRequestService requests;
    private final CommandGateway commands;
    private final ReturnStaffActions staff;

    public ReturnCommandController(ReturnRequestService requests, CommandGateway commands, ReturnStaffActions staff) {
        this.requests = requests;
        this.commands = commands;
        this.staff = staff;
    }

    @PostMapping
    @Operation(summary = "Request a return; the same Idempotency-Key and body always give the same answer")
    @ApiResponse(responseCode = "201", description = "the return, AUTHORIZED or REJECTED line by line (reason codes per line)")
    @ApiResponse(responseCode = "400", description = "a body or header that breaks the contract (code MALFORMED_REQUEST, "
            + "VALIDATION_FAILED, UNKNOWN_FIELD, DUPLICATE_FIELD, MISSING_HEADER, INVALID_IDEMPOTENCY_KEY, "
            + "ORDER_LINE_NOT_FOUND, DUPLICATE_LINE, INVALID_QUANTITY, "
            + "STORE_ID_REQUIRED, REPLACEMENT_SKU_REQUIRED, RETURN_HAS_NO_LINES or STORE_REQUIRED)")
    @ApiResponse(responseCode = "403", description = "a store or customer outside the caller's scope "
            + "(code STORE_NOT_IN_SCOPE or CUSTOMER_NOT_IN_SCOPE)")
    @ApiResponse(responseCode = "404", description = "the quoteId names no quote (code QUOTE_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "the first request with this key is still being answered "
            + "(code REQUEST_IN_PROGRESS: retry)")
    @ApiResponse(responseCode = "422", description = "the key was used for another body (IDEMPOTENCY_KEY_REUSED), the "
            + "order system knows no such order (ORDER_NOT_FOUND) or it is not the customer's (CUSTOMER_DOES_NOT_MATCH_ORDER), "
            + "the quote is for another order (QUOTE_FOR_ANOTHER_ORDER), expired (QUOTE_EXPIRED), does not price these "
            + "lines (QUOTE_DOES_NOT_COVER_LINES) or this refund method (QUOTE_OPTION_UNAVAILABLE), or an exchange's "
            + "replacement is out of stock (REPLACEMENT_OUT_OF_STOCK)")
    public ResponseEntity<ReturnRequestAnswer> request(
            @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 200) String idempotencyKey,
            @RequestBody @Valid ReturnRequestForm form, Caller caller) {
        ReturnRequestAnswer answer = requests.request(caller.name(), idempotencyKey, scoped(form, caller));
        return ResponseEntity.created(URI.create("/api/v1/returns/" + answer.returnId())).body(answer);
    }

    @PostMapping("/{returnId}/cancellation")
    @Operation(summary = "Cancel a return before anything was received")
    @ApiResponse(responseCode = "200", description = "the return, now CANCELLED")
    @ApiResponse(responseCode = "404", description = "no such return, or not one the caller may handle (code RETURN_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "something was received already or the return is over "
            + "(code RETURN_NOT_CANCELLABLE), or it changed at the same moment (CONCURRENT_MODIFICATION)")
    public StatusAnswer cancel(@PathVariable @Pattern(regexp = RETURN_ID) String returnId,
                               @RequestBody @Valid Cancellation body, HttpServletRequest request) {
        return new StatusAnswer(returnId, staff.cancel(returnId, body.reason(),
                RequestMetadataInterceptor.actorOf(request)));
    }

    @PostMapping("/{returnId}/receipts")
    @Operation(summary = "Record items received at a warehouse or store, per line")
    @ApiResponse(responseCode = "200", description = "the return and its status after the receipt")
    @ApiResponse(responseCode = "400", description = "a body that breaks the contract (code MALFORMED_REQUEST, "
            + "VALIDATION_FAILED, UNKNOWN_FIELD, DUPLICATE_FIELD, INVALID_QUANTITY, LOCATION_REQUIRED or RETURN_HAS_NO_LINES)")
    @ApiResponse(responseCode = "404", description = "no such return, or not one the caller may handle (code RETURN_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "the return cannot take a receipt now (code ILLEGAL_TRANSITION) "
            + "or changed at the same moment (CONCURRENT_MODIFICATION)")
    @ApiResponse(responseCode = "422", description = "a line that was not authorized (LINE_NOT_AUTHORIZED) or more "
            + "than was authorized (RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED)")
    public StatusAnswer receive(@PathVariable @Pattern(regexp = RETURN_ID) String returnId,
                                @RequestBody @Valid Receipt body) {
        var lines = body.lines().stream()
                .map(line -> new ReceivedLine(line.orderLineId(), line.quantity(), line.receivedSku()))
                .toList();
        ReturnStatus status = commands.sendAndWait(new RecordReceipt(returnId, body.receiptId(), body.locationId(), lines));
        return new StatusAnswer(returnId, status);
    }

    @PostMapping("/{returnId}/inspections")
    @Operation(summary = "Record inspection results: grade, disposition and accepted quantity per line")
    @ApiResponse(responseCode = "200", description = "the return and its status after the inspection")
    @ApiResponse(responseCode = "400", description = "a body that breaks the contract (code MALFORMED_REQUEST, "
            + "VALIDATION_FAILED, UNKNOWN_FIELD, DUPLICATE_FIELD, GRADE_AND_DISPOSITION_REQUIRED or RETURN_HAS_NO_LINES)")
    @ApiResponse(responseCode = "404", description = "no such return, or not one the caller may handle (code RETURN_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "the return cannot be inspected now (code ILLEGAL_TRANSITION), a "
            + "line was inspected already (LINE_ALREADY_INSPECTED) or it changed at the same moment (CONCURRENT_MODIFICATION)")
    @ApiResponse(responseCode = "422", description = "a line not received (LINE_NOT_RECEIVED) or quantities that do not "
            + "add up to what was received (INSPECTION_QUANTITY_MISMATCH)")
    public StatusAnswer inspect(@PathVariable @Pattern(regexp = RETURN_ID) String returnId,
                                @RequestBody @Valid Inspection body) {
        var lines = body.lines().stream()
                .map(line -> new InspectedLine(line.orderLineId(), line.acceptedQuantity(), line.rejectedQuantity(),
                        line.grade(), line.disposition(), line.manualReviewNeeded(), line.note()))
                .toList();
        ReturnStatus status = commands.sendAndWait(new RecordInspection(returnId, body.inspectionId(), lines));
        return new StatusAnswer(returnId, status);
    }

    @PostMapping("/{returnId}/hold-resolutions")
    @Operation(summary = "Resolve an ON_HOLD return with a decision and a reason")
    @ApiResponse(responseCode = "200", description = "the return and the status it resumed in")
    @ApiResponse(responseCode = "404", description = "no such return, or not one the caller may handle (code RETURN_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "the return is not on hold (code RETURN_NOT_ON_HOLD) or changed "
            + "at the same moment (CONCURRENT_MODIFICATION)")
    @ApiResponse(responseCode = "422", description = "a decision this return cannot take now, e.g. rejecting after a "
            + "receipt (code HOLD_DECISION_NOT_ALLOWED)")
    public StatusAnswer resolveHold(@PathVariable @Pattern(regexp = RETURN_ID) String returnId,
                                    @RequestBody @Valid HoldResolution body, HttpServletRequest request) {
        return new StatusAnswer(returnId, staff.resolveHold(returnId, body.decision(), body.reason(),
                RequestMetadataInterceptor.actorOf(request)));
    }

    /**
     * A store associate takes in returns at their own store only; a channel acting for one customer requests returns
     * of that customer's orders only (the request service then checks the order really is theirs).
     */
    private static ReturnRequestForm scoped(ReturnRequestForm form, Caller caller) {
        if (!caller.scope().isScoped()) {
            return form;
        }
        if (!caller.scope().stores().isEmpty() && form.channel() != SalesChannel.STORE) {
            throw new DomainException(ErrorKind.FORBIDDEN, "STORE_NOT_IN_SCOPE",
                    "a store associate takes in store returns only (channel STORE)");
        }
        String storeId = form.channel() == SalesChannel.STORE ? caller.storeFor(form.storeId()) : form.storeId();
        return new ReturnRequestForm(form.orderId(), form.channel(), storeId, caller.customerFor(form.customerId()),
                form.refundMethod(), form.lines(), form.quoteId());
    }
}
