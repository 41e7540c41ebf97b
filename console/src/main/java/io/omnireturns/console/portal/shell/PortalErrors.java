package io.omnireturns.console.portal.shell;

import io.omnireturns.api.error.DomainException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal no portal page caught itself is shown on the portal's own page, in its words (never the console's page
 * or the API's JSON). Ordered before the console's advice, which also covers this package.
 */
@ControllerAdvice(basePackages = "io.omnireturns.console.portal")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException refusal) {
        ModelAndView page = new ModelAndView("portal/missing");
        page.addObject("problem", "Something went wrong: " + refusal.getMessage());
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
