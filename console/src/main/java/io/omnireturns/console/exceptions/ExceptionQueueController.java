package io.omnireturns.console.exceptions;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.query.ExceptionPage;
import io.omnireturns.api.query.ExceptionState;
import io.omnireturns.api.query.ExceptionView;
import io.omnireturns.api.query.FindException;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.command.ResolveHold;
import io.omnireturns.api.returns.command.RetryException;
import io.omnireturns.console.shell.ConsoleCommandSender;
import io.omnireturns.console.shell.ConsolePage;
import io.omnireturns.console.shell.ConsoleRoutes;
import io.omnireturns.console.shell.ViewCatchUp;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exception queue: the list behind {@code GET /api/v1/exceptions} (through the query bus, as the API), filtered
 * as typed, with the actions of the API: retry ({@code POST /api/v1/exceptions/{id}/retry}, operations only) and
 * resolve by a hold decision with a reason ({@code POST /api/v1/returns/{id}/hold-resolutions}). An action answers
 * an htmx request with the exception's row, changed or with the refusal.
 */
@Controller
@RequestMapping("/console/exceptions")
class ExceptionQueueController {

    /** Exception ids name their return: EX-{returnId}-{n} (as the API reads them). */
    private static final Pattern EXCEPTION_ID = Pattern.compile("EX-([A-Za-z0-9-]{1,64})-(\\d{1,6})");

    private final QueryGateway queries;
    private final ConsoleCommandSender commands;
    private final ViewCatchUp catchUp;
    private final ConsoleRoutes routes;
    private final Clock clock;
    private final String caseUrl;

    ExceptionQueueController(QueryGateway queries, ConsoleCommandSender commands, ViewCatchUp catchUp,
                             ConsoleRoutes routes, Clock clock,
                             @Value("${omnireturns.console.crm-case-url:}") String caseUrl) {
        this.queries = queries;
        this.commands = commands;
        this.catchUp = catchUp;
        this.routes = routes;
        this.clock = clock;
        this.caseUrl = caseUrl;
    }

    @GetMapping
    String queue(ExceptionFilters filters, Caller caller, HttpServletRequest request, Model model) {
        refuseScoped(caller);
        model.addAttribute("filters", filters);
        model.addAttribute("states", ExceptionState.values());
        model.addAttribute("systems", ExternalSystem.values());
        model.addAttribute("ages", ExceptionFilters.AGES);
        model.addAttribute("decisions", HoldDecision.values());
        ExceptionFilters.Parsed parsed = filters.parse(clock.instant());
        model.addAttribute("problems", parsed.problems());
        ExceptionPage page = parsed.query() == null ? null
                : queries.query(parsed.query(), ResponseTypes.instanceOf(ExceptionPage.class)).join();
        model.addAttribute("results", page);
        model.addAttribute("rows", page == null ? List.of()
                : page.content().stream().map(view -> row(view, caller)).toList());
        return ConsolePage.isHtmx(request) ? "console/exceptions/queue :: results" : "console/exceptions/queue";
    }

    @PostMapping("/{exceptionId}/retry")
    String retry(@PathVariable String exceptionId, Caller caller, HttpServletRequest request, Model model,
                 RedirectAttributes redirect) {
        refuseScoped(caller);
        ExceptionView before = find(exceptionId);
        String returnId = returnOf(exceptionId);
        try {
            catchUp.sendAndFollow(new FindException(exceptionId), ExceptionView.class,
                    () -> commands.send(new RetryException(returnId, exceptionId,
                            RequestMetadataInterceptor.actorOf(request))),
                    view -> view.state() == ExceptionState.RESOLVED);
            return answer(row(find(exceptionId), caller).withNotice("Retried: the step runs again, the return resumes."),
                    request, model, redirect);
        } catch (DomainException refused) {
            return answer(row(before, caller).withProblem("Not retried: " + refused.getMessage()), request, model,
                    redirect);
        }
    }

    @PostMapping("/{exceptionId}/resolution")
    String resolve(@PathVariable String exceptionId, @RequestParam(required = false) String decision,
                   @RequestParam(required = false) String reason, Caller caller, HttpServletRequest request,
                   Model model, RedirectAttributes redirect) {
        refuseScoped(caller);
        ExceptionView before = find(exceptionId);
        HoldDecision chosen = decision(decision);
        if (chosen == null) {
            return answer(row(before, caller).withProblem("Not resolved: choose resume, reject or cancel."), request,
                    model, redirect);
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return answer(row(before, caller).withProblem("Not resolved: give a reason (up to 500 characters)."),
                    request, model, redirect);
        }
        try {
            catchUp.sendAndFollow(new FindException(exceptionId), ExceptionView.class,
                    () -> commands.send(new ResolveHold(before.returnId(), chosen, reason.strip(),
                            RequestMetadataInterceptor.actorOf(request))),
                    view -> view.state() == ExceptionState.RESOLVED);
            return answer(row(find(exceptionId), caller).withNotice("Resolved (" + chosen + ")."), request, model,
                    redirect);
        } catch (DomainException refused) {
            return answer(row(before, caller).withProblem("Not resolved: " + refused.getMessage()), request, model,
                    redirect);
        }
    }

    /** htmx swaps the row in place; without script the queue is shown again with the outcome on top. */
    private String answer(ExceptionRow row, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (ConsolePage.isHtmx(request)) {
            model.addAttribute("rows", List.of(row));
            model.addAttribute("decisions", HoldDecision.values());
            return "console/exceptions/queue :: row";
        }
        redirect.addFlashAttribute("outcome", row.view().exceptionId() + ": "
                + (row.problem() != null ? row.problem() : row.notice()));
        return "redirect:/console/exceptions";
    }

    private ExceptionRow row(ExceptionView view, Caller caller) {
        boolean mayRetry = routes.permits(HttpMethod.POST, "/console/exceptions/" + view.exceptionId() + "/retry",
                caller.roles());
        return ExceptionRow.of(view, clock.instant(), caseUrl, mayRetry);
    }

    private ExceptionView find(String exceptionId) {
        ExceptionView view = queries.query(new FindException(exceptionId), ResponseTypes.instanceOf(ExceptionView.class))
                .join();
        if (view == null) {
            throw new DomainException(ErrorKind.NOT_FOUND, "EXCEPTION_NOT_FOUND", "No exception with id " + exceptionId + ".");
        }
        return view;
    }

    private static String returnOf(String exceptionId) {
        Matcher matcher = EXCEPTION_ID.matcher(exceptionId);
        if (!matcher.matches()) {
            throw new DomainException(ErrorKind.NOT_FOUND, "EXCEPTION_NOT_FOUND", "No exception with id " + exceptionId + ".");
        }
        return matcher.group(1);
    }

    private static HoldDecision decision(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return HoldDecision.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** As the API: the queue reaches beyond one store or customer, so a scoped caller is refused whatever its roles. */
    private static void refuseScoped(Caller caller) {
        if (caller.scope().isScoped()) {
            throw new DomainException(ErrorKind.FORBIDDEN, "SCOPE_TOO_NARROW",
                    "The exception queue spans every store and customer; your access is limited to some.");
        }
    }
}
