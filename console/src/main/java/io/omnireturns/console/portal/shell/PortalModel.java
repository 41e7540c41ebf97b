package io.omnireturns.console.portal.shell;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Clock;

/** What the portal's layout shows on every page: the shopper, if any (their sign-out button, a guest's notice). */
@ControllerAdvice(basePackages = "io.omnireturns.console.portal")
class PortalModel {

    private final Clock clock;

    PortalModel(Clock clock) {
        this.clock = clock;
    }

    @ModelAttribute
    void layout(Model model) {
        model.addAttribute("shopper", PortalShopper.of(SecurityContextHolder.getContext().getAuthentication(),
                clock.instant()).orElse(null));
    }
}
