package io.omnireturns.command.orchestration.web;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.RetryException;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operations retry the failed step of an exception; a return that step held resumes where it stopped, one held for a
 * person's review stays held.
 */
@RestController
@RequestMapping("/api/v1/exceptions")
@Tag(name = "exception queue (commands)")
public class ExceptionCommandController {

    /** Exception ids name their return: EX-{returnId}-{n}. */
    private static final Pattern EXCEPTION_ID = Pattern.compile("EX-([A-Za-z0-9-]{1,64})-(\\d{1,6})");

    private final CommandGateway commands;

    public ExceptionCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    public record RetryAnswer(String exceptionId, String returnId, ReturnStatus status) {
    }

    @PostMapping("/{exceptionId}/retry")
    @Operation(summary = "Run the failed step again (same idempotency key: no financial effect can repeat)")
    @ApiResponse(responseCode = "200", description = "the exception, its return and the return's status")
    @ApiResponse(responseCode = "404", description = "no such exception (code EXCEPTION_NOT_FOUND) or return "
            + "(RETURN_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "the exception is not open (code EXCEPTION_NOT_OPEN) or the "
            + "return changed at the same moment (CONCURRENT_MODIFICATION)")
    public RetryAnswer retry(@PathVariable String exceptionId, HttpServletRequest request) {
        Matcher matcher = EXCEPTION_ID.matcher(exceptionId);
        if (!matcher.matches()) {
            throw new DomainException(ErrorKind.NOT_FOUND, "EXCEPTION_NOT_FOUND", "no exception " + exceptionId);
        }
        String returnId = matcher.group(1);
        ReturnStatus status = commands.sendAndWait(new RetryException(returnId, exceptionId,
                RequestMetadataInterceptor.actorOf(request)));
        return new RetryAnswer(exceptionId, returnId, status);
    }
}
