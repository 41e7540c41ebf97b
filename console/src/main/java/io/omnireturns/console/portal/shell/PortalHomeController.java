package io.omnireturns.console.portal.shell;

import io.omnireturns.api.query.SearchReturns;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.orders.OrderSystem;
import io.omnireturns.query.status.ReturnStatusProjection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;

/**
 * The portal's front door: a guest finds their order (order number and e-mail address or postcode) and gets a
 * short-lived {@link GuestPass} to it; a customer signs in and sees their orders and returns.
 */
@Controller
class PortalHomeController {

    static final String NOT_FOUND = "We could not find an order with that number and e-mail address or postcode. "
            + "Check both and try again.";

    private final GuestLookup lookup;
    private final OrderSystem orders;
    private final ReturnStatusProjection statusView;
    private final HttpSessionSecurityContextRepository contexts;
    private final Clock clock;

    PortalHomeController(GuestLookup lookup, OrderSystem orders, ReturnStatusProjection statusView,
                         HttpSessionSecurityContextRepository portalSecurityContexts, Clock clock) {
        this.lookup = lookup;
        this.orders = orders;
        this.statusView = statusView;
        this.contexts = portalSecurityContexts;
        this.clock = clock;
    }

    /** A signed-in customer's orders and returns; a guest's order; else the look-up form and the sign-in link. */
    @GetMapping("/portal")
    String home(Model model) {
        var shopper = PortalShopper.of(SecurityContextHolder.getContext().getAuthentication(), clock.instant());
        if (shopper.isEmpty()) {
            return "portal/find";
        }
        if (shopper.get().isGuest()) {
            return "redirect:" + orderPath(shopper.get().guestOrder());
        }
        String customerId = shopper.get().customerId();
        model.addAttribute("shopper", shopper.get());
        try {
            model.addAttribute("orders", orders.findOrdersOfCustomer(customerId));
        } catch (ConnectorException unanswered) {
            model.addAttribute("ordersProblem", "We cannot show your orders just now. Please try again in a moment.");
        }
        model.addAttribute("returns", statusView.handle(new SearchReturns(null, customerId, null, null, null, 0,
                SearchReturns.DEFAULT_PAGE_SIZE)).content());
        return "portal/orders";
    }

    @PostMapping("/portal/find")
    String find(@RequestParam(defaultValue = "") String orderNumber, @RequestParam(defaultValue = "") String contact,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("orderNumber", orderNumber.strip());
        GuestLookup.Outcome outcome;
        try {
            outcome = lookup.find(orderNumber, contact, request.getRemoteAddr());
        } catch (ConnectorException unanswered) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("problem", "We cannot look orders up just now. Please try again in a moment.");
            return "portal/find";
        }
        if (outcome instanceof GuestLookup.Found found) {
            // a fresh session id for the guest (no fixation), then the pass in the portal's session
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(found.pass());
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            return "redirect:" + orderPath(found.pass().orderId());
        }
        if (outcome instanceof GuestLookup.TooManyAttempts) {
            response.setStatus(429);
            model.addAttribute("problem", "Too many attempts. Please wait a few minutes and try again.");
        } else {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", NOT_FOUND);
        }
        return "portal/find";
    }

    static String orderPath(String orderId) {
        return UriComponentsBuilder.fromPath("/portal/orders/{orderId}").buildAndExpand(orderId).encode().toUriString();
    }
}
