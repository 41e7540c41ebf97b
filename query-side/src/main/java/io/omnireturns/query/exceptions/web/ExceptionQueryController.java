package io.omnireturns.query.exceptions.web;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.query.ExceptionPage;
import io.omnireturns.api.query.ExceptionState;
import io.omnireturns.api.query.ExceptionView;
import io.omnireturns.api.query.FindException;
import io.omnireturns.api.query.FindExceptions;
import io.omnireturns.api.returns.ExternalSystem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The exception queue as operations read it, answered through the query bus. Its retry action is a command. */
@RestController
@RequestMapping("/api/v1/exceptions")
@Tag(name = "Exception queue", description = "Steps that exhausted their retries, their CRM cases and resolutions")
public class ExceptionQueryController {

    private final QueryGateway queryGateway;

    public ExceptionQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    @Operation(summary = "List the exception queue, newest first",
            description = "Open exceptions unless another state is asked for; every given filter must match; "
                    + "page counts from 0, size is at most " + FindExceptions.MAX_PAGE_SIZE)
    @ApiResponse(responseCode = "200", description = "one page of exceptions")
    @ApiResponse(responseCode = "400", description = "invalid page, size or filter value "
            + "(code VALIDATION_FAILED or INVALID_PARAMETER)")
    public ExceptionPage search(
            @Parameter(description = "OPEN (the default) or RESOLVED")
            @RequestParam(defaultValue = "OPEN") ExceptionState state,
            @Parameter(description = "the external system whose step failed")
            @RequestParam(required = false) ExternalSystem system,
            @RequestParam(required = false) String returnId,
            @Parameter(description = "page number, from 0")
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "exceptions per page, 1 to " + FindExceptions.MAX_PAGE_SIZE)
            @RequestParam(defaultValue = "" + FindExceptions.DEFAULT_PAGE_SIZE)
            @Min(1) @Max(FindExceptions.MAX_PAGE_SIZE) int size) {
        return queryGateway.query(new FindExceptions(state, system, returnId, page, size),
                ResponseTypes.instanceOf(ExceptionPage.class)).join();
    }

    @GetMapping("/{exceptionId}")
    @Operation(summary = "One exception of the queue, open or resolved")
    @ApiResponse(responseCode = "200", description = "the exception")
    @ApiResponse(responseCode = "404", description = "no such exception (code EXCEPTION_NOT_FOUND)")
    public ExceptionView exception(@PathVariable String exceptionId) {
        ExceptionView view = queryGateway
                .query(new FindException(exceptionId), ResponseTypes.instanceOf(ExceptionView.class))
                .join();
        if (view == null) {
            throw new DomainException(ErrorKind.NOT_FOUND, "EXCEPTION_NOT_FOUND",
                    "no exception with id " + exceptionId);
        }
        return view;
    }
}
