package io.omnireturns.console.shell;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A console page whose service refused (no such return, not in the caller's scope, invalid input) shows the console's
 * error page with the service's message and the matching status, not the API's problem document.
 */
@ControllerAdvice(basePackages = "io.omnireturns.console")
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the portal's (PortalErrors), before the API's problem-details advice, which would answer JSON
class ConsoleErrors {

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException refusal) {
        ModelAndView page = new ModelAndView("console/shell/error");
        page.addObject("message", refusal.getMessage());
        page.setStatus(status(refusal.kind()));
        return page;
    }

    private static HttpStatus status(ErrorKind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case ILLEGAL_STATE -> HttpStatus.CONFLICT;
            case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
