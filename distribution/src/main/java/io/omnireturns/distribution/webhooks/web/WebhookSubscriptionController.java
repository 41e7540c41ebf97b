package io.omnireturns.distribution.webhooks.web;

import io.omnireturns.distribution.webhooks.DeliveryPage;
import io.omnireturns.distribution.webhooks.SecretRotationRequest;
import io.omnireturns.distribution.webhooks.SubscriptionRequest;
import io.omnireturns.distribution.webhooks.SubscriptionView;
import io.omnireturns.distribution.webhooks.WebhookDeliveries;
import io.omnireturns.distribution.webhooks.WebhookSubscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Outbound webhook subscriptions for operations: register, read, rotate the secret, switch off and on, delivery log. */
@RestController
@RequestMapping("/api/v1/webhooks/subscriptions")
@Tag(name = "Outbound webhooks", description = "Subscriptions of the retailer's SaaS systems to the canonical events, "
        + "their signed deliveries, delivery log and dead letters")
public class WebhookSubscriptionController {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;

    public WebhookSubscriptionController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @PostMapping
    @Operation(summary = "Register a subscription",
            description = "Canonical events of the given types stored from now on are POSTed to the URL, signed with "
                    + "the secret (Standard Webhooks). The secret is write-only: no answer ever shows it.")
    @ApiResponse(responseCode = "201", description = "the subscription, active")
    @ApiResponse(responseCode = "400", description = "a missing or invalid field (VALIDATION_FAILED, INVALID_WEBHOOK_URL, "
            + "INVALID_WEBHOOK_SECRET, UNKNOWN_EVENT_TYPE); nothing registered")
    @ApiResponse(responseCode = "422", description = "the allow-list refuses the URL (WEBHOOK_URL_NOT_ALLOWED); "
            + "nothing registered")
    public ResponseEntity<SubscriptionView> register(@Valid @RequestBody SubscriptionRequest request) {
        SubscriptionView created = subscriptions.register(request);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/subscriptions/" + created.subscriptionId()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "Every subscription, oldest first")
    @ApiResponse(responseCode = "200", description = "the subscriptions")
    public List<SubscriptionView> all() {
        return subscriptions.all();
    }

    @GetMapping("/{subscriptionId}")
    @Operation(summary = "One subscription")
    @ApiResponse(responseCode = "200", description = "the subscription")
    @ApiResponse(responseCode = "404", description = "no such subscription (SUBSCRIPTION_NOT_FOUND)")
    public SubscriptionView one(@PathVariable String subscriptionId) {
        return subscriptions.get(subscriptionId);
    }

    @PostMapping("/{subscriptionId}/secret-rotation")
    @Operation(summary = "Replace the secret",
            description = "The new secret signs from now on; the previous one keeps signing beside it (two entries in "
                    + "webhook-signature) for omnireturns.webhooks.secret-overlap (24 h), so the subscriber can "
                    + "switch over without losing a delivery.")
    @ApiResponse(responseCode = "200", description = "the subscription, with until when the previous secret signs")
    @ApiResponse(responseCode = "400", description = "an invalid secret (VALIDATION_FAILED, INVALID_WEBHOOK_SECRET)")
    @ApiResponse(responseCode = "404", description = "no such subscription (SUBSCRIPTION_NOT_FOUND)")
    public SubscriptionView rotateSecret(@PathVariable String subscriptionId,
                                         @Valid @RequestBody SecretRotationRequest request) {
        return subscriptions.rotateSecret(subscriptionId, request);
    }

    @PostMapping("/{subscriptionId}/activation")
    @Operation(summary = "Switch a subscription (back) on",
            description = "After a 410 Gone switched it off: its pending deliveries are sent again, in order; events "
                    + "stored while it was off are not delivered. The URL is checked against the allow-list again.")
    @ApiResponse(responseCode = "200", description = "the subscription, active")
    @ApiResponse(responseCode = "404", description = "no such subscription (SUBSCRIPTION_NOT_FOUND)")
    @ApiResponse(responseCode = "422", description = "the allow-list now refuses the URL (WEBHOOK_URL_NOT_ALLOWED)")
    public SubscriptionView activate(@PathVariable String subscriptionId) {
        return subscriptions.activate(subscriptionId);
    }

    @PostMapping("/{subscriptionId}/deactivation")
    @Operation(summary = "Switch a subscription off",
            description = "Nothing more is recorded for it or sent to it (a delivery already on the wire still "
                    + "finishes) until it is activated again; its delivery log and dead letters stay.")
    @ApiResponse(responseCode = "200", description = "the subscription, disabled")
    @ApiResponse(responseCode = "404", description = "no such subscription (SUBSCRIPTION_NOT_FOUND)")
    public SubscriptionView deactivate(@PathVariable String subscriptionId) {
        return subscriptions.deactivate(subscriptionId);
    }

    @GetMapping("/{subscriptionId}/deliveries")
    @Operation(summary = "The subscription's delivery log, newest first",
            description = "Every delivery with its state, attempts, last HTTP status or error; page counts from 0, "
                    + "size is at most " + WebhookDeliveries.MAX_PAGE_SIZE)
    @ApiResponse(responseCode = "200", description = "one page of deliveries")
    @ApiResponse(responseCode = "400", description = "invalid page or size (VALIDATION_FAILED)")
    @ApiResponse(responseCode = "404", description = "no such subscription (SUBSCRIPTION_NOT_FOUND)")
    public DeliveryPage deliveries(@PathVariable String subscriptionId,
                                   @Parameter(description = "page number, from 0")
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @Parameter(description = "deliveries per page, 1 to " + WebhookDeliveries.MAX_PAGE_SIZE)
                                   @RequestParam(defaultValue = "" + WebhookDeliveries.DEFAULT_PAGE_SIZE)
                                   @Min(1) @Max(WebhookDeliveries.MAX_PAGE_SIZE) int size) {
        return deliveries.log(subscriptionId, page, size);
    }
}
