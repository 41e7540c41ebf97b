package io.omnireturns.console.operations;

import io.omnireturns.api.audit.ProcessorOverview;
import io.omnireturns.api.audit.ProcessorStatus;
import io.omnireturns.api.audit.ViewVerification;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.console.shell.ConsolePage;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.query.admin.AdminErrors;
import io.omnireturns.query.admin.ProcessorAdministration;
import io.omnireturns.query.admin.ReturnStatusVerification;
import io.omnireturns.query.admin.ViewRebuilds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Operations' screen: the event processors (status, lag, segments and their owners, replay progress, dead letters)
 * in a table that refreshes itself, the replay of a projection (after a confirmation) and the shadow verification
 * of the status view, and the connectors with their circuit states beside the service's health. The same services
 * as {@code /api/v1/admin/processors}, {@code .../replay} and {@code /api/v1/admin/views/{view}/verification}, with
 * the same refusals (a saga is never replayed; a view that has not caught up is not verified).
 */
@Controller
@RequestMapping("/console/operations")
class OperationsController {

    /** How often the processors table refreshes itself. */
    static final int REFRESH_SECONDS = 3;
    private static final DateTimeFormatter REFRESHED = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ProcessorAdministration processors;
    private final ReturnStatusVerification verification;
    private final ConnectorHealth connectors;

    OperationsController(ProcessorAdministration processors, ReturnStatusVerification verification,
                         ConnectorHealth connectors) {
        this.processors = processors;
        this.verification = verification;
        this.connectors = connectors;
    }

    @GetMapping
    String page(Caller caller, Model model) {
        refuseScoped(caller);
        addProcessors(model);
        model.addAttribute("connectors", connectors.connectors());
        model.addAttribute("health", connectors.overall());
        model.addAttribute("verifiableView", ReturnStatusVerification.VIEW);
        return "console/operations/operations";
    }

    /** The processors table alone, for its refresh. */
    @GetMapping("/processors")
    String processorsTable(Caller caller, HttpServletRequest request, Model model) {
        refuseScoped(caller);
        if (!ConsolePage.isHtmx(request)) {
            return "redirect:/console/operations";
        }
        addProcessors(model);
        return "console/operations/operations :: processors";
    }

    /** The replay form's choice, to its confirmation. */
    @GetMapping("/replay")
    String chooseReplay(@RequestParam String name) {
        return "redirect:/console/operations/processors/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8)
                + "/replay";
    }

    /** What a replay does, and the button that starts it. */
    @GetMapping("/processors/{name}/replay")
    String confirmReplay(@PathVariable String name, Caller caller, Model model) {
        refuseScoped(caller);
        model.addAttribute("processor", processors.status(name));
        return "console/operations/replay";
    }

    @PostMapping("/processors/{name}/replay")
    String replay(@PathVariable String name, @RequestParam(required = false) String confirm, Caller caller,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        refuseScoped(caller);
        ProcessorStatus processor = processors.status(name);
        if (!name.equals(confirm)) {
            return refusedReplay(processor, "Confirm the replay of " + name + " first.", 400, model, response);
        }
        try {
            processors.replay(name, caller.name());
        } catch (DomainException refused) {
            return refusedReplay(processor, refused.getMessage(), 409, model, response);
        }
        redirect.addFlashAttribute("notice", ViewRebuilds.VIEW.equals(name)
                ? "Replay of " + name + " started: the view is rebuilt into a shadow table while the live one keeps "
                + "answering, and swapped in once caught up and verified. Follow it in the table."
                : "Replay of " + name + " started: the view refills from the first "
                + "event while queries keep answering. Follow it in the table; verify the status view once it "
                + "has caught up.");
        return "redirect:/console/operations";
    }

    /** Rebuilds the view from the event store in memory and compares it with the live one; changes nothing. */
    @PostMapping("/views/{view}/verification")
    String verify(@PathVariable String view, Caller caller, HttpServletRequest request, Model model) {
        refuseScoped(caller);
        model.addAttribute("verifiableView", ReturnStatusVerification.VIEW);
        try {
            if (!ReturnStatusVerification.VIEW.equals(view)) {
                throw new DomainException(ErrorKind.NOT_FOUND, AdminErrors.UNKNOWN_VIEW,
                        "No view named " + view + " can be verified; " + ReturnStatusVerification.VIEW + " can.");
            }
            ViewVerification outcome = verification.verify();
            model.addAttribute("verification", outcome);
        } catch (DomainException refused) {
            model.addAttribute("verificationProblem", refused.getMessage());
        }
        if (ConsolePage.isHtmx(request)) {
            return "console/operations/operations :: verification";
        }
        return page(caller, model);
    }

    private String refusedReplay(ProcessorStatus processor, String problem, int status, Model model,
                                 HttpServletResponse response) {
        model.addAttribute("processor", processor);
        model.addAttribute("problem", problem);
        response.setStatus(status);
        return "console/operations/replay";
    }

    private void addProcessors(Model model) {
        ProcessorOverview overview = processors.overview();
        model.addAttribute("overview", overview);
        model.addAttribute("replayable", overview.processors().stream().filter(ProcessorStatus::replayable)
                .map(ProcessorStatus::name).toList());
        model.addAttribute("refreshedAt", REFRESHED.format(Instant.now()));
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
    }

    /** The administration endpoints refuse a caller limited to stores or a customer: so does their screen. */
    private static void refuseScoped(Caller caller) {
        if (caller.scope().isScoped()) {
            throw new DomainException(ErrorKind.FORBIDDEN, "SCOPED_CALLER",
                    "Operations reach beyond one store or customer: your sign-in is limited to some.");
        }
    }
}
