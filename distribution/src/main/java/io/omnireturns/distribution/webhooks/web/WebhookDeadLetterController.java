package io.omnireturns.distribution.webhooks.web;

import io.omnireturns.distribution.webhooks.DeliveryPage;
import io.omnireturns.distribution.webhooks.DeliveryView;
import io.omnireturns.distribution.webhooks.WebhookDeliveries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook deliveries that exhausted their attempts, and their redelivery. */
@RestController
@RequestMapping("/api/v1/webhooks/dead-letters")
@Tag(name = "Outbound webhooks")
public class WebhookDeadLetterController {

    private final WebhookDeliveries deliveries;

    public WebhookDeadLetterController(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    @Operation(summary = "The dead letters, newest first",
            description = "A dead letter holds back the later deliveries of its return to its subscription until it "
                    + "is redelivered. Page counts from 0, size is at most " + WebhookDeliveries.MAX_PAGE_SIZE)
    @ApiResponse(responseCode = "200", description = "one page of dead letters")
    @ApiResponse(responseCode = "400", description = "invalid page or size (VALIDATION_FAILED)")
    public DeliveryPage deadLetters(@Parameter(description = "only this subscription's")
                                    @RequestParam(required = false) String subscriptionId,
                                    @Parameter(description = "page number, from 0")
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @Parameter(description = "dead letters per page, 1 to "
                                            + WebhookDeliveries.MAX_PAGE_SIZE)
                                    @RequestParam(defaultValue = "" + WebhookDeliveries.DEFAULT_PAGE_SIZE)
                                    @Min(1) @Max(WebhookDeliveries.MAX_PAGE_SIZE) int size) {
        return deliveries.deadLetters(subscriptionId, page, size);
    }

    @PostMapping("/{deliveryId}/redelivery")
    @Operation(summary = "Send a dead letter again",
            description = "It goes back to its queue, due at once, with a fresh set of attempts; the deliveries of "
                    + "the same return held back behind it follow in order.")
    @ApiResponse(responseCode = "202", description = "queued again; the delivery as it is now")
    @ApiResponse(responseCode = "400", description = "a delivery id that is not a number (INVALID_PARAMETER)")
    @ApiResponse(responseCode = "404", description = "no such dead letter (DEAD_LETTER_NOT_FOUND)")
    public ResponseEntity<DeliveryView> redeliver(@PathVariable long deliveryId) {
        return ResponseEntity.accepted().body(deliveries.redeliver(deliveryId));
    }
}
