package io.omnireturns.query.audit.web;

import io.omnireturns.api.audit.ReturnHistory;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.query.audit.ReturnAudit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A return's history and its state at an instant, read from the event store itself (not from a view, so they
 * answer the same during a replay). Not through the query bus: no projection owns these answers.
 */
@RestController
@RequestMapping("/api/v1/returns/{returnId}")
@Tag(name = "Audit", description = "Every event of a return with who acted, and the return as of any instant")
public class ReturnAuditController {

    private final ReturnAudit audit;

    public ReturnAuditController(ReturnAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/history")
    @Operation(summary = "Every event of a return in order, with its metadata and payload as stored",
            description = "One answer carries at most omnireturns.audit.history-max-events events; when the return "
                    + "has more, 'complete' is false and 'nextSequenceNumber' says where to continue")
    @ApiResponse(responseCode = "200", description = "the return's events")
    @ApiResponse(responseCode = "404", description = "no such return (code RETURN_NOT_FOUND)")
    public ReturnHistory history(@PathVariable String returnId,
                                 @Parameter(description = "first sequence number to include, from 0")
                                 @RequestParam(defaultValue = "0") @Min(0) long fromSequenceNumber) {
        return audit.history(returnId, fromSequenceNumber);
    }

    @GetMapping("/state")
    @Operation(summary = "The return's status view as it stood at an instant, rebuilt from its events",
            description = "The state after the last event that had happened by 'asOf' (and every event before it)")
    @ApiResponse(responseCode = "200", description = "the status view at that instant")
    @ApiResponse(responseCode = "400", description = "asOf missing (MISSING_PARAMETER) or not an ISO-8601 instant "
            + "(INVALID_PARAMETER)")
    @ApiResponse(responseCode = "404", description = "no such return (RETURN_NOT_FOUND), or it did not exist yet "
            + "at that instant (RETURN_NOT_FOUND_AT_INSTANT)")
    public ReturnStatusView state(@PathVariable String returnId,
                                  @Parameter(description = "ISO-8601 instant, e.g. 2026-11-27T10:15:30Z",
                                          required = true)
                                  @RequestParam String asOf) {
        return audit.stateAsOf(returnId, InstantParameter.parse("asOf", asOf));
    }
}
