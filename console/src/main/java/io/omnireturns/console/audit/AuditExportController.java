package io.omnireturns.console.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.query.audit.AuditProperties;
import io.omnireturns.query.audit.EventExport;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON-lines export of every event in a range of days, downloaded with the console's sign-in: the same
 * {@link EventExport} as {@code GET /api/v1/audit/events}, its range limit included, streamed page by page. The days
 * are UTC days, both included ({@code to} runs to the end of its day). Auditors only, as the API's export.
 */
@Controller
class AuditExportController {

    private final EventExport export;
    private final AuditProperties properties;
    private final ObjectWriter json;

    AuditExportController(EventExport export, AuditProperties properties, ObjectMapper objectMapper) {
        this.export = export;
        this.properties = properties;
        this.json = objectMapper.writer();
    }

    /** The download, or the audit page with what is wrong with the range (nothing is written then). */
    @GetMapping(AuditController.EXPORT)
    ModelAndView export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        Caller caller, HttpServletResponse response) throws IOException {
        AuditController.refuseScoped(caller);
        List<String> problems = new ArrayList<>();
        LocalDate fromDay = day(from, "from", problems);
        LocalDate toDay = day(to, "to", problems);
        Instant start = fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (problems.isEmpty()) {
            try {
                export.checkRange(start, end);
            } catch (DomainException refused) {
                problems.add(toDay.isBefore(fromDay) ? "The range ends before it starts."
                        : "One export covers at most " + properties.exportMaxRange().toDays()
                        + " days: split the range.");
            }
        }
        if (!problems.isEmpty()) {
            ModelAndView page = new ModelAndView("console/audit/audit");
            page.addObject("returnId", "");
            page.addObject("mayExport", true);
            page.addObject("exportMaxDays", properties.exportMaxRange().toDays());
            page.addObject("exportProblems", problems);
            page.addObject("exportFrom", from);
            page.addObject("exportTo", to);
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_NDJSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"events-" + fromDay + "-to-" + toDay + ".ndjson\"");
        export.write(start, end, -1, json, response.getOutputStream());
        return null; // written: nothing to render
    }

    private static LocalDate day(String text, String field, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add("Say which day the export " + ("from".equals(field) ? "starts" : "ends") + ".");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException invalid) {
            problems.add("The " + field + " day must look like 2026-01-31.");
            return null;
        }
    }
}
