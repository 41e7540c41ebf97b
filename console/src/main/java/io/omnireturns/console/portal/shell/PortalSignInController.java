package io.omnireturns.console.portal.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/**
 * How a customer signs in. Demo mode: the demo accounts' form at {@code /portal/login}. Jwt mode: the shop, where the
 * customer is signed in, hands them over to {@code /portal/sign-in} with a short-lived token of the retailer's identity
 * provider (a form posting {@code token}, or a link with {@code ?token=}); {@link CustomerSignIn} checks it and the
 * customer gets a {@link CustomerPass} in a fresh portal session, then their orders. A refused token signs nobody in
 * and says so on the sign-in page (401).
 */
@Controller
class PortalSignInController {

    static final String REFUSED = "We could not sign you in: the sign-in link is not valid or has expired. "
            + "Go back to the shop and open your returns from your account again, "
            + "or find your order without signing in.";

    private final CustomerSignIn customers;
    private final PortalProperties properties;
    private final HttpSessionSecurityContextRepository contexts;

    PortalSignInController(CustomerSignIn customers, PortalProperties properties,
                           HttpSessionSecurityContextRepository portalSecurityContexts) {
        this.customers = customers;
        this.properties = properties;
        this.contexts = portalSecurityContexts;
    }

    @GetMapping("/portal/login")
    String signInPage(Model model) {
        model.addAttribute("byToken", customers.byToken());
        model.addAttribute("shopSignInUrl", properties.shopSignInUrl());
        return "portal/login";
    }

    @RequestMapping(path = "/portal/sign-in", method = {RequestMethod.GET, RequestMethod.POST})
    String signIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        // the token came in the address or a form: it is not to be kept, nor sent on to any other site
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!customers.byToken()) {
            return "redirect:/portal/login";
        }
        Optional<CustomerPass> pass = customers.signIn(token);
        if (pass.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("problem", REFUSED);
            return signInPage(model);
        }
        // a fresh session id for the customer (no fixation), then the pass in the portal's session
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(pass.get());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/portal";
    }
}
