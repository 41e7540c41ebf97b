package io.omnireturns.command.connectors.crm;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.common.SandboxIdempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CRM in the process: it "sends" customer notifications and opens cases, each once per idempotency key, and
 * keeps both for tests and demos to read. Message references {@code MSG-000001}, case ids {@code CASE-000001}.
 */
public class SandboxCrm implements Crm {

    private static final ExternalSystem SYSTEM = ExternalSystem.CRM;

    private final SandboxBehaviour behaviour;
    private final Clock clock;
    private final SandboxIdempotency<CustomerNotification, String> notificationKeys = new SandboxIdempotency<>(SYSTEM);
    private final SandboxIdempotency<CaseRequest, String> caseKeys = new SandboxIdempotency<>(SYSTEM);
    private final ConcurrentLinkedQueue<Notification> notifications = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Case> cases = new ConcurrentLinkedQueue<>();
    private final AtomicLong messageReferences = new AtomicLong();
    private final AtomicLong caseIds = new AtomicLong();

    public SandboxCrm(SandboxBehaviour behaviour, Clock clock) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String notifyCustomer(CustomerNotification notification) {
        behaviour.beforeCall("notifyCustomer");
        Objects.requireNonNull(notification, "notification");
        return notificationKeys.answer(notification.idempotencyKey(), notification, () -> send(notification));
    }

    @Override
    public String openCase(CaseRequest request) {
        behaviour.beforeCall("openCase");
        Objects.requireNonNull(request, "request");
        return caseKeys.answer(request.idempotencyKey(), request, () -> open(request));
    }

    private String send(CustomerNotification notification) {
        requireText(notification.returnId(), "returnId");
        requireText(notification.milestone(), "milestone");
        requireText(notification.message(), "message");
        String reference = "MSG-%06d".formatted(messageReferences.incrementAndGet());
        notifications.add(new Notification(notification.idempotencyKey(), reference, notification.returnId(),
                notification.customerId(), notification.milestone(), notification.message(), clock.instant(),
                notification.gift() == null ? null : notification.gift().recipientEmail(),
                notification.gift() == null || notification.gift().buyerNotified(), notification.giftCardCode()));
        return reference;
    }

    private String open(CaseRequest request) {
        requireText(request.returnId(), "returnId");
        requireText(request.reason(), "reason");
        String caseId = "CASE-%06d".formatted(caseIds.incrementAndGet());
        cases.add(new Case(request.idempotencyKey(), caseId, request.returnId(), request.customerId(),
                request.reason(), request.detail(), clock.instant()));
        return caseId;
    }

    /** Every notification sent, oldest first; a repeated request adds none. */
    public List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    /** Every case opened, oldest first; a repeated request adds none. */
    public List<Case> cases() {
        return List.copyOf(cases);
    }

    /** Latency and injected failures; tests make the CRM flaky with {@code setFailureRate}. */
    public SandboxBehaviour behaviour() {
        return behaviour;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ConnectorException(SYSTEM, FailureCode.INVALID_REQUEST, field + " is required");
        }
    }

    /** One notification in the CRM's outbox. */
    public record Notification(String idempotencyKey, String messageReference, String returnId, String customerId,
                               String milestone, String message, Instant sentAt, String giftRecipientEmail,
                               boolean buyerNotified, String giftCardCode) {

        /** A notice without a gift card's code. */
        public Notification(String idempotencyKey, String messageReference, String returnId, String customerId,
                            String milestone, String message, Instant sentAt, String giftRecipientEmail,
                            boolean buyerNotified) {
            this(idempotencyKey, messageReference, returnId, customerId, milestone, message, sentAt,
                    giftRecipientEmail, buyerNotified, null);
        }

        /** A notice to the customer on file. */
        public Notification(String idempotencyKey, String messageReference, String returnId, String customerId,
                            String milestone, String message, Instant sentAt) {
            this(idempotencyKey, messageReference, returnId, customerId, milestone, message, sentAt, null, true, null);
        }
    }

    /** One case in the CRM. */
    public record Case(String idempotencyKey, String caseId, String returnId, String customerId, String reason,
                       String detail, Instant openedAt) {
    }
}
