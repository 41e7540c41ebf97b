package io.omnireturns.console.shell;

import jakarta.servlet.http.HttpServletRequest;

/** Small helpers for console controllers. */
public final class ConsolePage {

    private ConsolePage() {
    }

    /**
     * Whether htmx sent the request (it then swaps only a fragment of the page). A history restore
     * ({@code HX-History-Restore-Request}) wants the whole page.
     */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
