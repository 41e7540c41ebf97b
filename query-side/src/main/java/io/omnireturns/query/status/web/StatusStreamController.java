package io.omnireturns.query.status.web;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.platform.web.ProblemDetailsAdvice;
import io.omnireturns.query.status.live.StatusUpdates;
import io.omnireturns.query.status.live.StatusUpdatesProperties;
import io.omnireturns.query.status.live.TooManySubscribersException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Status changes pushed as server-sent events, so clients stop polling the status GET: one return's views, or a
 * summary of every change in the caller's scope. Same roles and scope as the status GET. The streams are fed by
 * {@link StatusUpdates}; each is a Spring MVC async response (no request thread is held while it is open), closed
 * after {@code omnireturns.status-updates.stream-timeout} (the client reconnects with {@code Last-Event-ID}).
 */
@RestController
@RequestMapping("/api/v1/returns")
@Tag(name = "Return status", description = "Where a return stands, per line and per external system")
public class StatusStreamController {

    /** The event name of one return's status view. */
    public static final String STATUS_EVENT = "status";
    /** The event name of a return's summary on the all-returns stream. */
    public static final String CHANGE_EVENT = "return";
    private static final long RETRY_AFTER_SECONDS = 5;

    static {
        // the operations document their event data; the emitter itself is no schema of the API
        SpringDocUtils.getConfig().replaceWithSchema(SseEmitter.class, new StringSchema());
    }

    private final StatusUpdates updates;
    private final StatusUpdatesProperties properties;

    public StatusStreamController(StatusUpdates updates, StatusUpdatesProperties properties) {
        this.updates = updates;
        this.properties = properties;
    }

    @GetMapping(path = "/{returnId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow one return's status view as server-sent events",
            description = "The first event is the current status view (event `status`, `id` its version, `data` the "
                    + "same JSON as GET /api/v1/returns/{returnId}; just after the request, the first view as soon as "
                    + "it is stored), then one event per newer view as it is stored "
                    + "(views stored together arrive as the newest; ids always rise). With `Last-Event-ID` (as "
                    + "EventSource sends on reconnect) only views newer than that version come, the current one at "
                    + "once if it is. A comment line every 15 s keeps the connection. The stream ends after a view "
                    + "with a terminal status (REJECTED, COMPLETED, CANCELLED, EXPIRED); reconnecting then answers "
                    + "204, which tells EventSource to stop.")
    @Parameter(name = "Last-Event-ID", in = ParameterIn.HEADER, description = "the last version received",
            schema = @Schema(type = "integer", format = "int64"))
    @ApiResponse(responseCode = "200", description = "the stream; each event's data is the return's status view",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = ReturnStatusView.class)))
    @ApiResponse(responseCode = "204", description = "the return is terminal and the caller has its last view",
            content = @Content)
    @ApiResponse(responseCode = "400", description = "Last-Event-ID is not a version number (code INVALID_PARAMETER)")
    @ApiResponse(responseCode = "404", description = "no such return, or not one the caller may see "
            + "(code RETURN_NOT_FOUND)")
    @ApiResponse(responseCode = "406", description = "the Accept header allows no text/event-stream "
            + "(code NOT_ACCEPTABLE)")
    @ApiResponse(responseCode = "503", description = "this node serves its maximum of live subscriptions "
            + "(code TOO_MANY_SUBSCRIBERS), with Retry-After")
    public ResponseEntity<SseEmitter> returnEvents(
            @PathVariable String returnId,
            @Parameter(hidden = true) @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            Caller caller) {
        long after = version(lastEventId);
        ReturnStatusView view = updates.visible(returnId, caller.scope()); // null: requested, view on its way
        if (view != null && view.status().isTerminal() && view.version() <= after) {
            return ResponseEntity.noContent().build();
        }
        SseStream stream = new SseStream(properties, changed -> SseEmitter.event()
                .id(Long.toString(changed.version())).name(STATUS_EVENT).data(changed, MediaType.APPLICATION_JSON));
        stream.attach(updates.subscribe(returnId, caller.scope(), after, stream));
        return streaming(stream);
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow every return of the caller's scope as server-sent events",
            description = "One event `return` per changed return from now on, its `data` the return's summary as the "
                    + "search lists it plus `version` (the newest per return when several changes come together). "
                    + "A store associate sees only its stores' returns, a channel acting for one customer only that "
                    + "customer's. No `id`: after a reconnect, read the list again. A comment line every 15 s keeps "
                    + "the connection; the stream never ends by itself (but for the server's stream time-out).")
    @ApiResponse(responseCode = "200", description = "the stream; each event's data is a changed return",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = ReturnChange.class)))
    @ApiResponse(responseCode = "406", description = "the Accept header allows no text/event-stream "
            + "(code NOT_ACCEPTABLE)")
    @ApiResponse(responseCode = "503", description = "this node serves its maximum of live subscriptions "
            + "(code TOO_MANY_SUBSCRIBERS), with Retry-After")
    public ResponseEntity<SseEmitter> allEvents(Caller caller) {
        SseStream stream = new SseStream(properties, changed -> SseEmitter.event()
                .name(CHANGE_EVENT).data(ReturnChange.of(changed), MediaType.APPLICATION_JSON));
        stream.attach(updates.subscribeToAll(caller.scope(), stream));
        return streaming(stream);
    }

    @ExceptionHandler(TooManySubscribersException.class)
    public ResponseEntity<ProblemDetail> tooManySubscribers(TooManySubscribersException e) {
        ResponseEntity<ProblemDetail> problem = ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE,
                TooManySubscribersException.CODE, e.getMessage());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS)).body(problem.getBody());
    }

    /** The client went away while its stream was open: nothing to answer, nothing to log. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    public void clientGone() {
        // the subscription ended with the response (SseStream)
    }

    private static ResponseEntity<SseEmitter> streaming(SseStream stream) {
        // no caching, and no buffering by a proxy in front (nginx honours X-Accel-Buffering)
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Accel-Buffering", "no")
                .body(stream.emitter());
    }

    private static long version(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "INVALID_PARAMETER",
                    "header 'Last-Event-ID' must be a version number (an id this stream sent)");
        }
    }
}
