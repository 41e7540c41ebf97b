package io.omnireturns.console.portal.tracking;

import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.console.portal.photos.ReturnPhotos;
import io.omnireturns.console.portal.shell.PortalProperties;
import io.omnireturns.console.portal.shell.PortalShopper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.Optional;

/**
 * A return as the shopper follows it: where it stands in plain words, the steps, the items, the label (PDF and QR
 * code) and the photos. The page asks for {@code /status} every few seconds (htmx) until the return is over.
 */
@Controller
@RequestMapping("/portal/returns/{returnId}")
class TrackingController {

    /** htmx stops a polling element on this answer (its content is still swapped in). */
    static final int STOP_POLLING = 286;

    private final ShopperReturns returns;
    private final ReturnPhotos photos;
    private final PortalProperties properties;

    TrackingController(ShopperReturns returns, ReturnPhotos photos, PortalProperties properties) {
        this.returns = returns;
        this.photos = photos;
        this.properties = properties;
    }

    @GetMapping
    String page(@PathVariable String returnId, PortalShopper shopper, HttpServletResponse response, Model model) {
        Optional<ReturnStatusView> view = returns.find(returnId, shopper);
        if (view.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "portal/missing";
        }
        show(view.get(), model);
        model.addAttribute("photos", photos.list(returnId));
        model.addAttribute("photoMaxCount", properties.photoMaxCount());
        model.addAttribute("photoMaxSize", properties.photoMaxSize().toMegabytes() + " MB");
        return "portal/return";
    }

    /** The status part of the page, for its refresh. */
    @GetMapping("/status")
    String status(@PathVariable String returnId, PortalShopper shopper, HttpServletResponse response, Model model) {
        Optional<ReturnStatusView> view = returns.find(returnId, shopper);
        if (view.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "portal/missing";
        }
        show(view.get(), model);
        if (view.get().status().isTerminal()) {
            response.setStatus(STOP_POLLING);
        }
        return "portal/return :: status";
    }

    private static void show(ReturnStatusView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("label", ShopperReturns.label(view).orElse(null));
    }
}
