package io.omnireturns.query.admin.web;

import io.omnireturns.api.audit.ProcessorOverview;
import io.omnireturns.api.audit.ProcessorStatus;
import io.omnireturns.query.admin.ProcessorAdministration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Event processors for operations: status, lag and dead letters, and the replay of a projection. */
@RestController
@RequestMapping("/api/v1/admin/processors")
@Tag(name = "Operations", description = "Event processors, replays and verification of views")
public class ProcessorAdminController {

    private final ProcessorAdministration processors;

    public ProcessorAdminController(ProcessorAdministration processors) {
        this.processors = processors;
    }

    @GetMapping
    @Operation(summary = "Every event processor: running, errors, segments and positions, lag, replay, dead letters")
    @ApiResponse(responseCode = "200", description = "the processors, by name")
    public ProcessorOverview processors() {
        return processors.overview();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One event processor (poll it to follow a replay)")
    @ApiResponse(responseCode = "200", description = "the processor")
    @ApiResponse(responseCode = "404", description = "no such processor (code UNKNOWN_PROCESSOR)")
    public ProcessorStatus processor(@PathVariable String name) {
        return processors.status(name);
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild a projection from the first event",
            description = "The status view (return-status) is rebuilt into a shadow table that replaces the live one "
                    + "once caught up and verified, so look-ups never miss a return (the same as POST "
                    + "/api/v1/admin/views/return-status/rebuild; viewRebuild shows it). Any other projection: stops "
                    + "the processor here, resets its tokens (its reset handler clears the view and its dead "
                    + "letters) and starts it again; it replays in the background while queries keep answering from "
                    + "the refilling view. Sagas and handlers that send commands are never replayed.")
    @ApiResponse(responseCode = "202", description = "the replay started; the processor as it is now")
    @ApiResponse(responseCode = "404", description = "no such processor (code UNKNOWN_PROCESSOR)")
    @ApiResponse(responseCode = "409", description = "a saga or other processor that must not be replayed "
            + "(PROCESSOR_NOT_REPLAYABLE), a replay or rebuild already running (REPLAY_IN_PROGRESS), or another instance "
            + "still working on it (PROCESSOR_CLAIMED_ELSEWHERE)")
    public ResponseEntity<ProcessorStatus> replay(@PathVariable String name, HttpServletRequest request) {
        ProcessorStatus status = processors.replay(name, RequestMetadataInterceptor.actorOf(request));
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/processors/" + name)).body(status);
    }
}
