package io.omnireturns.query.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.omnireturns.api.audit.AuditEvent;
import io.omnireturns.query.audit.EventExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * The export of every event in a time range as JSON lines. It writes straight to the response on the request's
 * thread, page by page: an async body would be cut by the MVC async timeout on a long export, and nothing here
 * buffers the whole answer.
 */
@RestController
@RequestMapping("/api/v1/audit/events")
@Tag(name = "Audit")
public class EventExportController {

    private final EventExport export;
    private final ObjectWriter json;

    public EventExportController(EventExport export, ObjectMapper objectMapper) {
        this.export = export;
        // one compact object per line, in the same shape as a return's history
        this.json = objectMapper.writer();
    }

    // no 'produces': problems must still answer as problem+json to a client that accepts only JSON lines
    @GetMapping
    @Operation(summary = "Every event that happened in [from, to), as JSON lines in global index order",
            description = "One object per line, the same fields as a return's history. The range is required and "
                    + "at most omnireturns.audit.export-max-range long. To resume a broken download, repeat the "
                    + "request with 'after' set to the last globalIndex received.")
    @ApiResponse(responseCode = "200", description = "the events, streamed, one per line",
            content = @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
                    schema = @Schema(implementation = AuditEvent.class)))
    @ApiResponse(responseCode = "400", description = "from or to missing (MISSING_PARAMETER) or not an instant "
            + "(INVALID_PARAMETER), to not after from (INVALID_TIME_RANGE), range too long (TIME_RANGE_TOO_LONG)")
    public void export(@Parameter(description = "start, included: ISO-8601 instant", required = true)
                       @RequestParam String from,
                       @Parameter(description = "end, excluded: ISO-8601 instant", required = true)
                       @RequestParam String to,
                       @Parameter(description = "only events with a higher global index (to resume)")
                       @RequestParam(defaultValue = "-1") long after,
                       HttpServletResponse response) throws IOException {
        Instant start = InstantParameter.parse("from", from);
        Instant end = InstantParameter.parse("to", to);
        export.checkRange(start, end);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_NDJSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"events-" + fileTime(start) + "-" + fileTime(end) + ".ndjson\"");
        OutputStream out = response.getOutputStream();
        export.write(start, end, after, json, out);
    }

    private static String fileTime(Instant instant) {
        return instant.toString().replace(":", "");
    }
}
