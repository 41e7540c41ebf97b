package io.omnireturns.query.status.web;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.query.ReturnPage;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SearchReturns;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.query.status.ReturnStatusProjection;
import io.omnireturns.query.status.live.RecentViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status view and the search over it. The controller calls the view's query handlers directly rather than
 * through Axon's query bus: the view is in this process, and the bus's unit of work, interceptors, monitors and
 * handler timeouts cost more than reading the row (about 3 % of the service's CPU under load, BENCHMARKS.md).
 * Other components and subscription queries still reach the same handlers through the bus.
 */
@RestController
@RequestMapping("/api/v1/returns")
@Tag(name = "Return status", description = "Where a return stands, per line and per external system")
public class ReturnQueryController {

    private final ReturnStatusProjection statusView;
    private final RecentViews recentViews;

    public ReturnQueryController(ReturnStatusProjection statusView, RecentViews recentViews) {
        this.statusView = statusView;
        this.recentViews = recentViews;
    }

    @GetMapping("/{returnId}")
    @Operation(summary = "The canonical status view of a return")
    @ApiResponse(responseCode = "200", description = "the return's status view")
    @ApiResponse(responseCode = "404", description = "no such return, or not one the caller may see "
            + "(code RETURN_NOT_FOUND)")
    public ReturnStatusView status(@PathVariable String returnId, Caller caller) {
        // answered from memory until the view changes: polling costs one read per change (RecentViews)
        ReturnStatusView view = recentViews.find(returnId, id -> statusView.handle(new FindReturnStatus(id)));
        // outside the caller's scope a return is answered as missing: a store cannot probe another's return ids
        if (view == null || !caller.scope().permits(view.storeId(), view.customerId())) {
            throw new DomainException(ErrorKind.NOT_FOUND, "RETURN_NOT_FOUND", "no return with id " + returnId);
        }
        return view;
    }

    @GetMapping
    @Operation(summary = "Search returns, newest first",
            description = "Every given filter must match; page counts from 0, size is at most "
                    + SearchReturns.MAX_PAGE_SIZE)
    @ApiResponse(responseCode = "200", description = "one page of returns")
    @ApiResponse(responseCode = "400", description = "invalid page, size or filter value "
            + "(code VALIDATION_FAILED or INVALID_PARAMETER), or no storeId from an associate of several stores "
            + "(STORE_REQUIRED)")
    @ApiResponse(responseCode = "403", description = "a store or customer outside the caller's scope "
            + "(code STORE_NOT_IN_SCOPE or CUSTOMER_NOT_IN_SCOPE)")
    public ReturnPage search(
            @RequestParam(required = false) String orderId,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) ReturnStatus status,
            @RequestParam(required = false) SalesChannel channel,
            @RequestParam(required = false) String storeId,
            @Parameter(description = "page number, from 0")
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "returns per page, 1 to " + SearchReturns.MAX_PAGE_SIZE)
            @RequestParam(defaultValue = "" + SearchReturns.DEFAULT_PAGE_SIZE)
            @Min(1) @Max(SearchReturns.MAX_PAGE_SIZE) int size,
            Caller caller) {
        // a scoped caller searches inside its scope only: its store, its customer
        return statusView.handle(new SearchReturns(orderId, caller.customerFor(customerId), status, channel,
                caller.storeFor(storeId), page, size));
    }
}
