package io.omnireturns.console.shell;

import io.omnireturns.platform.security.Caller;
import io.omnireturns.platform.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the layout of every console page needs: the signed-in person, their roles and the navigation for them, and
 * the current path (to mark the current navigation entry).
 */
@ControllerAdvice(basePackages = "io.omnireturns.console")
class ConsoleModel {

    private final ConsoleRoutes routes;

    ConsoleModel(ConsoleRoutes routes) {
        this.routes = routes;
    }

    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        Caller caller = Caller.current().orElse(null);
        Set<Role> roles = caller == null ? Set.of() : caller.roles();
        model.addAttribute("caller", caller);
        model.addAttribute("roleNames", roles.stream().map(ConsoleModel::label).sorted()
                .collect(Collectors.joining(", ")));
        model.addAttribute("navigation", routes.navigationFor(roles));
        model.addAttribute("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** {@code SERVICE_AGENT} as "Service agent". */
    static String label(Role role) {
        String words = role.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
