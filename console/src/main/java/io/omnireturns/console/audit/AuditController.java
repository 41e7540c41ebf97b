package io.omnireturns.console.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.omnireturns.api.audit.AuditEvent;
import io.omnireturns.api.audit.ReturnHistory;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.TimelineEntry;
import io.omnireturns.console.shell.ConsolePage;
import io.omnireturns.console.shell.ConsoleRoutes;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.query.audit.AuditErrors;
import io.omnireturns.query.audit.AuditProperties;
import io.omnireturns.query.audit.ReturnAudit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The auditors' screen: find a return by id, then its whole history (every event with who acted, through which
 * system, in which conversation, its payload as stored) and the return as it stood at any instant of its life, both
 * read from the event store by {@link ReturnAudit} exactly as {@code GET /api/v1/returns/{id}/history} and
 * {@code .../state?asOf=} answer. Like those endpoints it refuses a scoped caller (a store or customer limit).
 */
@Controller
@RequestMapping("/console/audit")
class AuditController {

    static final String EXPORT = "/console/audit/export";

    private final ReturnAudit audit;
    private final AuditProperties properties;
    private final ConsoleRoutes routes;
    private final ObjectWriter prettyJson;

    AuditController(ReturnAudit audit, AuditProperties properties, ConsoleRoutes routes, ObjectMapper objectMapper) {
        this.audit = audit;
        this.routes = routes;
        this.properties = properties;
        this.prettyJson = objectMapper.writerWithDefaultPrettyPrinter();
    }

    @GetMapping
    String start(@RequestParam(required = false) String returnId, Caller caller, Model model) {
        refuseScoped(caller);
        model.addAttribute("returnId", returnId == null ? "" : returnId.strip());
        model.addAttribute("exportMaxDays", properties.exportMaxRange().toDays());
        // the export is for auditors only, as the API's: the others are not offered it
        model.addAttribute("mayExport", routes.permits(HttpMethod.GET, EXPORT, caller.roles()));
        if (returnId != null && !returnId.isBlank()) {
            try {
                audit.history(returnId.strip(), 0);
                return "redirect:/console/audit/returns/" + UriUtils.encodePathSegment(returnId.strip(),
                        StandardCharsets.UTF_8);
            } catch (DomainException notFound) {
                model.addAttribute("problem", "No return with id " + returnId.strip() + ".");
            }
        }
        return "console/audit/audit";
    }

    /** The history and, for the chosen instant (the last event's by default), the state; htmx asks for the state. */
    @GetMapping("/returns/{returnId}")
    String history(@PathVariable String returnId, @RequestParam(required = false) String asOf,
                   @RequestParam(defaultValue = "0") long fromSequenceNumber, Caller caller,
                   HttpServletRequest request, Model model) {
        refuseScoped(caller);
        ReturnHistory history = audit.history(returnId, Math.max(fromSequenceNumber, 0));
        List<AuditEvent> events = history.events();
        Instant first = audit.history(returnId, 0).events().get(0).timestamp();
        Instant last = events.get(events.size() - 1).timestamp();
        Instant chosen = last;
        String problem = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                chosen = instant(asOf);
            } catch (DateTimeParseException invalid) {
                problem = "The instant must look like 2026-11-27T10:15:30Z (UTC, ISO-8601), not '"
                        + abbreviated(asOf.strip()) + "'.";
            }
        }
        model.addAttribute("returnId", returnId);
        model.addAttribute("asOf", problem != null ? asOf.strip() : chosen.toString());
        model.addAttribute("slider", AsOfSlider.over(first, last, chosen));
        addState(returnId, chosen, problem, model);
        if (ConsolePage.isHtmx(request)) {
            return "console/audit/history :: state";
        }
        ReturnStatusView latest = audit.stateAsOf(returnId, last);
        Map<Long, TimelineEntry> milestones = latest.timeline().stream()
                .collect(Collectors.toMap(TimelineEntry::sequenceNumber, Function.identity(), (a, b) -> a));
        model.addAttribute("latest", latest);
        model.addAttribute("history", history);
        model.addAttribute("rows", events.stream().map(event -> new EventRow(event,
                EventSummaries.summary(event, milestones), json(event.payload()), json(event.metadata()))).toList());
        return "console/audit/history";
    }

    /** One row of the history table. */
    record EventRow(AuditEvent event, String summary, String payload, String metadata) {
    }

    private void addState(String returnId, Instant asOf, String problem, Model model) {
        model.addAttribute("stateProblem", problem);
        if (problem != null) {
            return;
        }
        try {
            model.addAttribute("state", audit.stateAsOf(returnId, asOf));
        } catch (DomainException notYet) {
            if (!AuditErrors.RETURN_NOT_FOUND_AT_INSTANT.equals(notYet.code())) {
                throw notYet;
            }
            model.addAttribute("stateProblem", "The return did not exist yet at " + asOf + ".");
        }
    }

    /** The history and state endpoints refuse a caller limited to stores or a customer: so does their screen. */
    static void refuseScoped(Caller caller) {
        if (caller.scope().isScoped()) {
            throw new DomainException(ErrorKind.FORBIDDEN, "SCOPED_CALLER",
                    "The audit reaches beyond one store or customer: your sign-in is limited to some.");
        }
    }

    private static Instant instant(String text) {
        String value = text.strip();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notUtc) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }

    private String json(Object value) {
        try {
            return prettyJson.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
