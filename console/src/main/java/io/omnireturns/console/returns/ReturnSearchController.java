package io.omnireturns.console.returns;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.console.shell.ConsolePage;
import io.omnireturns.console.shell.ConsoleRoutes;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.query.status.ReturnStatusProjection;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Finding returns: the search form and its results (htmx swaps only the results while the filters change). Reads the status view's query handlers in-process, with the caller's scope applied as the API does.
 */
@Controller
@RequestMapping("/console/returns")
class ReturnSearchController {

    private final ReturnStatusProjection statusView;
    private final ConsoleRoutes routes;

    ReturnSearchController(ReturnStatusProjection statusView, ConsoleRoutes routes) {
        this.statusView = statusView;
        this.routes = routes;
    }

    @GetMapping
    String search(ReturnSearchForm form, Caller caller, HttpServletRequest request, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("statuses", ReturnStatus.values());
        model.addAttribute("channels", SalesChannel.values());
        model.addAttribute("storeFixed", caller.scope().stores().size() == 1);
        model.addAttribute("mayStartReturn", routes.admits(ConsoleRoutes.START_RETURN, caller.roles()));
        try {
            ReturnSearchForm.Parsed parsed = form.parse(caller);
            model.addAttribute("problems", parsed.problems());
            model.addAttribute("results", parsed.query() == null ? null : statusView.handle(parsed.query()));
        } catch (DomainException refused) {
            // another store's or customer's returns: say so next to the form
            model.addAttribute("problems", java.util.List.of(refused.getMessage()));
            model.addAttribute("results", null);
        }
        return ConsolePage.isHtmx(request) ? "console/returns/search :: results" : "console/returns/search";
    }
}
