package io.omnireturns.query.admin.web;

import io.omnireturns.api.audit.ViewRebuild;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import io.omnireturns.query.admin.AdminErrors;
import io.omnireturns.query.admin.ViewRebuilds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** A view rebuilt into a shadow table that replaces the live one without downtime: start, follow, cancel. */
@RestController
@RequestMapping("/api/v1/admin/views/{view}/rebuild")
@Tag(name = "Operations")
public class ViewRebuildController {

    private final ViewRebuilds rebuilds;

    public ViewRebuildController(ViewRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    @Operation(summary = "Rebuild a view from the event store into a shadow table, then swap it in",
            description = "Only the status view (return-status). Rebuilds every return into a shadow table while "
                    + "the live view keeps answering, catches up with the events that arrive meanwhile, verifies "
                    + "the shadow against the event store and swaps it in within one short transaction; look-ups "
                    + "never miss a return. Runs in the background; follow it with GET on the same path. One "
                    + "rebuild at a time across all instances.")
    @ApiResponse(responseCode = "202", description = "the rebuild started; where it stands now")
    @ApiResponse(responseCode = "404", description = "no such view (code UNKNOWN_VIEW)")
    @ApiResponse(responseCode = "409", description = "a rebuild is running already, here or on another instance "
            + "(REBUILD_IN_PROGRESS)")
    public ResponseEntity<ViewRebuild> start(@PathVariable String view, HttpServletRequest request) {
        known(view);
        ViewRebuild started = rebuilds.start(RequestMetadataInterceptor.actorOf(request));
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/views/" + view + "/rebuild"))
                .body(started);
    }

    @GetMapping
    @Operation(summary = "The running rebuild of a view, or the last one (poll it to follow a rebuild)",
            description = "phase REBUILDING, CATCHING_UP, VERIFYING, SWAPPING while it runs; DONE, FAILED (failure "
                    + "says why, differences lists the returns) or CANCELLED once over. Any instance answers.")
    @ApiResponse(responseCode = "200", description = "the rebuild")
    @ApiResponse(responseCode = "404", description = "no such view (code UNKNOWN_VIEW), or never rebuilt "
            + "(NO_REBUILD)")
    public ViewRebuild current(@PathVariable String view) {
        known(view);
        return rebuilds.current();
    }

    @DeleteMapping
    @Operation(summary = "Cancel the running rebuild of a view",
            description = "The rebuild stops at its next batch, wherever it runs, and drops its shadow table; the "
                    + "live view is left as it was. A swap already under way is not undone.")
    @ApiResponse(responseCode = "202", description = "the cancellation was asked for; the rebuild as it is now")
    @ApiResponse(responseCode = "404", description = "no such view (code UNKNOWN_VIEW)")
    @ApiResponse(responseCode = "409", description = "no rebuild is running: nothing to cancel (NO_REBUILD_RUNNING)")
    public ResponseEntity<ViewRebuild> cancel(@PathVariable String view, HttpServletRequest request) {
        known(view);
        return ResponseEntity.accepted().body(rebuilds.cancel(RequestMetadataInterceptor.actorOf(request)));
    }

    private static void known(String view) {
        if (!ViewRebuilds.VIEW.equals(view)) {
            throw new DomainException(ErrorKind.NOT_FOUND, AdminErrors.UNKNOWN_VIEW,
                    "no view named " + view + " can be rebuilt; " + ViewRebuilds.VIEW + " can");
        }
    }
}
