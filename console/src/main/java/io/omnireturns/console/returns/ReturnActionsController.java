package io.omnireturns.console.returns;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.command.returns.application.ReturnStaffActions;
import io.omnireturns.console.shell.ConsoleRefusals;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff actions of the return page, each a form POST to {@link ReturnStaffActions} with the signed-in caller as
 * actor (its roles checked by {@code ConsoleRoutes}, everything else by the return). Done: back to the page with
 * what happened. Refused: the page again with the refusal next to the form, nothing changed.
 */
@Controller
@RequestMapping("/console/returns/{returnId}")
class ReturnActionsController {

    private final ReturnStaffActions actions;
    private final ReturnPageModel pages;

    ReturnActionsController(ReturnStaffActions actions, ReturnPageModel pages) {
        this.actions = actions;
        this.pages = pages;
    }

    @PostMapping("/hold")
    String hold(@PathVariable String returnId, @RequestParam(defaultValue = "") String reason, Caller caller,
                HttpServletRequest http, HttpServletResponse response, CsrfToken csrf, Model model,
                RedirectAttributes redirect) {
        return act(returnId, "hold", "Put on hold.", caller, new Request(http, response, csrf, model, redirect),
                () -> actions.putOnHold(returnId, reason, RequestMetadataInterceptor.actorOf(http)));
    }

    @PostMapping("/hold-resolution")
    String resolveHold(@PathVariable String returnId, @RequestParam(defaultValue = "RESUME") HoldDecision decision,
                       @RequestParam(defaultValue = "") String reason, Caller caller,
                HttpServletRequest http, HttpServletResponse response, CsrfToken csrf, Model model,
                RedirectAttributes redirect) {
        return act(returnId, "resolve", "Hold resolved: " + decision + ".", caller, new Request(http, response, csrf, model, redirect),
                () -> actions.resolveHold(returnId, decision, required(reason, "resolving a hold needs a reason"),
                        RequestMetadataInterceptor.actorOf(http)));
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable String returnId, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "false") boolean confirmed, Caller caller,
                HttpServletRequest http, HttpServletResponse response, CsrfToken csrf, Model model,
                RedirectAttributes redirect) {
        return act(returnId, "cancel", "Return cancelled.", caller, new Request(http, response, csrf, model, redirect), () -> {
            if (!confirmed) {
                throw new DomainException(ErrorKind.INVALID_INPUT, "CONFIRMATION_REQUIRED",
                        "Tick the box to confirm the cancellation.");
            }
            return actions.cancel(returnId, required(reason, "cancelling needs a reason"), RequestMetadataInterceptor.actorOf(http));
        });
    }

    @PostMapping("/decline")
    String decline(@PathVariable String returnId, @RequestParam(required = false) DeclineReason reasonCode,
                   @RequestParam(defaultValue = "") String note, Caller caller,
                HttpServletRequest http, HttpServletResponse response, CsrfToken csrf, Model model,
                RedirectAttributes redirect) {
        return act(returnId, "decline", "Return declined.", caller, new Request(http, response, csrf, model, redirect), () -> {
            if (reasonCode == null) {
                throw new DomainException(ErrorKind.INVALID_INPUT, "REASON_REQUIRED", "Choose a decline reason.");
            }
            return actions.decline(returnId, reasonCode, note, RequestMetadataInterceptor.actorOf(http));
        });
    }

    @PostMapping("/goodwill")
    String goodwill(@PathVariable String returnId, @RequestParam(defaultValue = "") String reason, Caller caller,
                HttpServletRequest http, HttpServletResponse response, CsrfToken csrf, Model model,
                RedirectAttributes redirect) {
        return act(returnId, "goodwill", "Goodwill approved.", caller, new Request(http, response, csrf, model, redirect),
                () -> actions.grantGoodwill(returnId, required(reason, "goodwill needs a reason"), RequestMetadataInterceptor.actorOf(http)));
    }

    @PostMapping("/notes")
    String note(@PathVariable String returnId, @RequestParam String noteId,
                @RequestParam(defaultValue = "") String text, Caller caller,
                HttpServletRequest http, HttpServletResponse response, CsrfToken csrf, Model model,
                RedirectAttributes redirect) {
        return act(returnId, "note", "Note added.", caller, new Request(http, response, csrf, model, redirect),
                () -> actions.addNote(returnId, noteId, required(text, "a note needs text"), RequestMetadataInterceptor.actorOf(http)));
    }

    /** What every action needs from its request, bundled so the handlers stay short. */
    record Request(HttpServletRequest http, HttpServletResponse response, CsrfToken csrf, Model model,
                   RedirectAttributes redirect) {
    }

    private String act(String returnId, String action, String done, Caller caller, Request request,
                       java.util.function.Supplier<?> command) {
        pages.visible(returnId, caller); // 404 outside the scope, whatever the action
        try {
            command.get();
        } catch (DomainException refused) {
            request.model().addAllAttributes(pages.of(pages.visible(returnId, caller), caller, request.csrf()));
            request.model().addAttribute("failedAction", action);
            request.model().addAttribute("actionError", refused.getMessage());
            request.response().setStatus(ConsoleRefusals.status(refused));
            return ReturnFragments.TEMPLATE;
        }
        request.redirect().addFlashAttribute("actionDone", done);
        return "redirect:/console/returns/" + returnId;
    }

    private static String required(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "REASON_REQUIRED", message);
        }
        return value;
    }
}
