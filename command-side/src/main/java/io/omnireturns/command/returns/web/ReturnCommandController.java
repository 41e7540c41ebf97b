package io.omnireturns.command.returns.web;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.CancelReturn;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.command.ResolveHold;
import io.omnireturns.command.returns.application.ReturnRequestAnswer;
import io.omnireturns.command.returns.application.ReturnRequestForm;
import io.omnireturns.command.returns.application.ReturnRequestService;
import io.omnireturns.command.returns.web.ReturnCommandForms.Cancellation;
import io.omnireturns.command.returns.web.ReturnCommandForms.HoldResolution;
import io.omnireturns.command.returns.web.ReturnCommandForms.Inspection;
import io.omnireturns.command.returns.web.ReturnCommandForms.Receipt;
import io.omnireturns.command.returns.web.ReturnCommandForms.StatusAnswer;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import io.swagger.v3.oas.annotations.Operation;
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

    public ReturnCommandController(ReturnRequestService requests, CommandGateway commands) {
        this.requests = requests;
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Request a return; the same Idempotency-Key and body always give the same answer")
    public ResponseEntity<ReturnRequestAnswer> request(
            @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 200) String idempotencyKey,
            @RequestBody @Valid ReturnRequestForm form, Caller caller) {
        ReturnRequestAnswer answer = requests.request(idempotencyKey, scoped(form, caller));
        return ResponseEntity.created(URI.create("/api/v1/returns/" + answer.returnId())).body(answer);
    }

    @PostMapping("/{returnId}/cancellation")
    @Operation(summary = "Cancel a return before anything was received")
    public StatusAnswer cancel(@PathVariable @Pattern(regexp = RETURN_ID) String returnId,
                               @RequestBody @Valid Cancellation body, HttpServletRequest request) {
        ReturnStatus status = commands.sendAndWait(new CancelReturn(returnId, body.reason(),
                RequestMetadataInterceptor.actorOf(request)));
        return new StatusAnswer(returnId, status);
    }

    @PostMapping("/{returnId}/receipts")
    @Operation(summary = "Record items received at a warehouse or store, per line")
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
    public StatusAnswer inspect(@PathVariable @Pattern(regexp = RETURN_ID) String returnId,
                                @RequestBody @Valid Inspection body) {
        var lines = body.lines().stream()
                .map(line -> new InspectedLine(line.orderLineId(), line.acceptedQuantity(), line.rejectedQuantity(),
                        line.grade(), line.disposition(), line.needsManualReview(), line.note()))
                .toList();
        ReturnStatus status = commands.sendAndWait(new RecordInspection(returnId, body.inspectionId(), lines));
        return new StatusAnswer(returnId, status);
    }

    @PostMapping("/{returnId}/hold-resolutions")
    @Operation(summary = "Resolve an ON_HOLD return with a decision and a reason")
    public StatusAnswer resolveHold(@PathVariable @Pattern(regexp = RETURN_ID) String returnId,
                                    @RequestBody @Valid HoldResolution body, HttpServletRequest request) {
        ReturnStatus status = commands.sendAndWait(new ResolveHold(returnId, body.decision(), body.reason(),
                RequestMetadataInterceptor.actorOf(request)));
        return new StatusAnswer(returnId, status);
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
                form.refundMethod(), form.lines());
    }
}
