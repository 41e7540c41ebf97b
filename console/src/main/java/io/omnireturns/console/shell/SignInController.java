package io.omnireturns.console.shell;

import io.omnireturns.platform.security.ConsoleSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The sign-in page (the security chain handles the form's POST and {@code /console/logout}) and the page shown
 * when the server refuses a console page or action.
 */
@Controller
class SignInController {

    private final ConsoleSignIn signIn;

    SignInController(ConsoleSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/console/login")
    String signIn(Model model) {
        model.addAttribute("signIn", signIn);
        return "console/shell/login";
    }

    /** Reached by the security chain's forward, for any method, always with 403. */
    @RequestMapping("/console/denied")
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("csrf", "csrf".equals(request.getAttribute("consoleRefusal")));
        return "console/shell/denied";
    }
}
