package io.omnireturns.platform.web;

import io.omnireturns.platform.security.ProblemResponses;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page and error JSON: whatever the container sends to {@code /error} (an error from a filter,
 * a {@code sendError} outside Spring MVC) is answered with problem details as well, whatever the client accepts.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof RequestRejectedException) {
            return ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, ProblemResponses.REQUEST_REJECTED,
                    ProblemResponses.REJECTED_DETAIL);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (code == null || status.value() < 400) {
            // called directly, not as an error dispatch: there is nothing at this path
            status = HttpStatus.NOT_FOUND;
        }
        return ProblemDetailsAdvice.problem(status, codeOf(status.value()), detailOf(status.value()));
    }

    /** The stable code of an error the container answered with only a status. */
    static String codeOf(int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "ACCESS_DENIED";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : ProblemResponses.REQUEST_REJECTED;
        };
    }

    static String detailOf(int status) {
        return switch (status) {
            case 401 -> "sign in first: this endpoint needs valid credentials";
            case 403 -> "your role may not call this endpoint (see docs/security.md)";
            case 404 -> "no such resource";
            case 405 -> "this path does not take that method";
            case 406 -> "the answer is JSON (application/json, or application/problem+json for problems)";
            case 413 -> "the request is too large";
            case 415 -> "the body must be JSON (Content-Type: application/json)";
            default -> status >= 500 ? "an unexpected error occurred; it has been logged" : ProblemResponses.REJECTED_DETAIL;
        };
    }
}
