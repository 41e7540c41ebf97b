package io.omnireturns.query.admin.web;

import io.omnireturns.api.audit.ViewVerification;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.query.admin.AdminErrors;
import io.omnireturns.query.admin.ReturnStatusVerification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verification of a view against the event store: rebuilt beside the live one and compared return by return. */
@RestController
@RequestMapping("/api/v1/admin/views")
@Tag(name = "Operations")
public class ViewVerificationController {

    private final ReturnStatusVerification returnStatus;

    public ViewVerificationController(ReturnStatusVerification returnStatus) {
        this.returnStatus = returnStatus;
    }

    @PostMapping("/{view}/verification")
    @Operation(summary = "Rebuild a view from the event store in memory and compare it with the live one",
            description = "Only the status view (return-status) so far. Reads every event up to the head of the "
                    + "store once the view has reached it; answers whether every return is equal and lists those "
                    + "that are not. Changes nothing.")
    @ApiResponse(responseCode = "200", description = "the outcome; 'equal' is false when any return differs")
    @ApiResponse(responseCode = "404", description = "no such view (code UNKNOWN_VIEW)")
    @ApiResponse(responseCode = "409", description = "the view has not caught up, e.g. while it replays "
            + "(VIEW_NOT_CAUGHT_UP), or a verification is running already (VERIFICATION_IN_PROGRESS)")
    public ViewVerification verify(@PathVariable String view) {
        if (!ReturnStatusVerification.VIEW.equals(view)) {
            throw new DomainException(ErrorKind.NOT_FOUND, AdminErrors.UNKNOWN_VIEW,
                    "no view named " + view + " can be verified; " + ReturnStatusVerification.VIEW + " can");
        }
        return returnStatus.verify();
    }
}
