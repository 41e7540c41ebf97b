package io.omnireturns.distribution.kafka;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorCode;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Re-publishing canonical events to Kafka from a point in time, for operations. Always served (so the API document
 * is the same everywhere); refused with {@code KAFKA_PUBLISHING_OFF} where Kafka publishing is off.
 */
@RestController
@RequestMapping(RepublicationController.PATH)
@Tag(name = "Operations")
public class RepublicationController {

    static final String PATH = "/api/v1/admin/kafka/republications";

    private final ObjectProvider<Republications> republications;

    public RepublicationController(ObjectProvider<Republications> republications) {
        this.republications = republications;
    }

    @PostMapping
    @Operation(summary = "Publish the canonical events again from a point in time, to the live topic or another",
            description = "Reads every event stored at or after 'from' up to the newest event when it starts, and "
                    + "sends its canonical events again, with their ids, keys and order per return, to 'topic' (the "
                    + "live topic when left out; created when missing). Runs in the background on this instance; "
                    + "follow it at the Location. Consumers de-duplicate on the CloudEvents id.")
    @ApiResponse(responseCode = "202", description = "started; its progress as it is now")
    @ApiResponse(responseCode = "400", description = "'from' missing (VALIDATION_FAILED) or in the future "
            + "(INVALID_TIME_RANGE), or a bad topic name (INVALID_TOPIC)")
    @ApiResponse(responseCode = "409", description = "Kafka publishing is off here (KAFKA_PUBLISHING_OFF), or a "
            + "re-publication is running (REPUBLICATION_IN_PROGRESS)")
    public ResponseEntity<RepublicationStatus> start(@RequestBody @Valid RepublicationRequest body,
                                                     HttpServletRequest request) {
        RepublicationStatus started = service().start(body.from(), body.topic(),
                RequestMetadataInterceptor.actorOf(request));
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + started.id())).body(started);
    }

    @GetMapping
    @Operation(summary = "The last re-publications of this instance, newest first")
    @ApiResponse(responseCode = "200", description = "the re-publications")
    @ApiResponse(responseCode = "409", description = "Kafka publishing is off here (KAFKA_PUBLISHING_OFF)")
    public List<RepublicationStatus> list() {
        return service().list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One re-publication's progress (poll it until COMPLETED or FAILED)")
    @ApiResponse(responseCode = "200", description = "the re-publication")
    @ApiResponse(responseCode = "404", description = "no such re-publication here (UNKNOWN_REPUBLICATION)")
    @ApiResponse(responseCode = "409", description = "Kafka publishing is off here (KAFKA_PUBLISHING_OFF)")
    public RepublicationStatus status(@PathVariable String id) {
        return service().find(id).orElseThrow(() -> new DomainException(ErrorKind.NOT_FOUND,
                ErrorCode.UNKNOWN_REPUBLICATION.name(), "no re-publication " + id + " on this instance"));
    }

    private Republications service() {
        Republications service = republications.getIfAvailable();
        if (service == null) {
            throw new DomainException(ErrorKind.ILLEGAL_STATE, ErrorCode.KAFKA_PUBLISHING_OFF.name(),
                    "Kafka publishing is off on this instance: set the Kafka bootstrap servers "
                            + "(SPRING_KAFKA_BOOTSTRAP_SERVERS) to switch it on");
        }
        return service;
    }
}
