package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.common.SandboxIdempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A payment gateway in the process. Like a real one it refunds once per idempotency key, refuses a refund whose
 * tender parts do not add up to its amount, and, for orders it knows the captures of, never gives back more on a
 * tender than was captured on it across all refunds. A tender it does not know is refused, except new store credit
 * (type {@code STORE_CREDIT}), which is issued rather than refunded. For an order it cannot look up it checks only
 * the arithmetic.
 *
 * <p>A new gift card is issued once per idempotency key to its recipient, with a masked code; it names no tender of
 * the order, so it never touches the buyer's payment.
 *
 * <p>Refunds are settled at once unless told otherwise ({@link #setSettleImmediately(boolean)}); then the receipt
 * says {@code settled=false}, as for a card refund whose settlement the gateway reports later.
 */
public class SandboxPaymentGateway implements PaymentGateway {

    private static final ExternalSystem SYSTEM = ExternalSystem.PAYMENT;

    private final SandboxBehaviour behaviour;
    private final Clock clock;
    private final Function<String, Optional<OrderSnapshot>> capturedOrders;
    private final SandboxIdempotency<RefundInstruction, RefundReceipt> idempotency = new SandboxIdempotency<>(SYSTEM);
    private final ConcurrentLinkedQueue<Refund> refunds = new ConcurrentLinkedQueue<>();
    private final SandboxIdempotency<ChargeInstruction, ChargeReceipt> chargeIdempotency = new SandboxIdempotency<>(SYSTEM);
    private final ConcurrentLinkedQueue<Charge> charges = new ConcurrentLinkedQueue<>();
    private volatile boolean declineCharges;
    private final SandboxIdempotency<GiftCardInstruction, GiftCardReceipt> giftCardIdempotency =
            new SandboxIdempotency<>(SYSTEM);
    private final ConcurrentLinkedQueue<GiftCard> giftCards = new ConcurrentLinkedQueue<>();
    // order id and tender id -> refunded so far; written only inside the idempotency lock
    private final Map<TenderOfOrder, Money> refundedByTender = new HashMap<>();
    private final AtomicLong references = new AtomicLong();
    private volatile boolean settleImmediately = true;

    /** A gateway that knows no captures: it checks the arithmetic of each refund only. */
    public SandboxPaymentGateway(SandboxBehaviour behaviour, Clock clock) {
        this(behaviour, clock, orderId -> Optional.empty());
    }

    /**
     * @param capturedOrders the orders whose tenders this gateway captured (the sandbox order system's), so it
     *                       can refuse refunds above a capture
     */
    public SandboxPaymentGateway(SandboxBehaviour behaviour, Clock clock,
                                 Function<String, Optional<OrderSnapshot>> capturedOrders) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capturedOrders = Objects.requireNonNull(capturedOrders, "capturedOrders");
    }

    @Override
    public RefundReceipt refund(RefundInstruction instruction) {
        behaviour.beforeCall("refund");
        Objects.requireNonNull(instruction, "instruction");
        return idempotency.answer(instruction.idempotencyKey(), instruction, () -> pay(instruction));
    }

    private RefundReceipt pay(RefundInstruction instruction) {
        requireText(instruction.returnId(), "returnId");
        requireText(instruction.orderId(), "orderId");
        Map<String, TenderRefund> parts = checkedParts(instruction);
        capturedOrders.apply(instruction.orderId())
                .ifPresent(order -> requireWithinCaptures(order, instruction, parts.values()));

        parts.values().forEach(part -> refundedByTender.merge(
                new TenderOfOrder(instruction.orderId(), part.tenderId()), part.amount(), Money::plus));
        String reference = "PSP-RF-%06d".formatted(references.incrementAndGet());
        boolean settled = settleImmediately;
        refunds.add(new Refund(instruction.idempotencyKey(), reference, instruction.returnId(), instruction.orderId(),
                instruction.tenders(), instruction.amount(), settled, clock.instant(), instruction.storeCreditHolder()));
        return new RefundReceipt(reference, instruction.amount(), settled);
    }

    /** The tender parts, one per tender, after checking they are positive, in one currency and sum to the amount. */
    private static Map<String, TenderRefund> checkedParts(RefundInstruction instruction) {
        Money amount = instruction.amount();
        if (amount == null || !amount.isPositive()) {
            throw new ConnectorException(SYSTEM, FailureCode.INVALID_AMOUNT,
                    "a refund must be positive, got " + amount);
        }
        if (instruction.tenders().isEmpty()) {
            throw invalid("a refund names the tenders it goes back to");
        }
        Map<String, TenderRefund> parts = new LinkedHashMap<>();
        Money sum = Money.zero(amount.currency());
        for (TenderRefund part : instruction.tenders()) {
            requireText(part.tenderId(), "tenderId");
            if (part.type() == null || part.amount() == null) {
                throw invalid("tender " + part.tenderId() + " needs a type and an amount");
            }
            if (!part.amount().currency().equals(amount.currency())) {
                throw new ConnectorException(SYSTEM, FailureCode.CURRENCY_MISMATCH,
                        "tender " + part.tenderId() + " is in "
                        + part.amount().currency() + ", the refund in " + amount.currency());
            }
            if (!part.amount().isPositive()) {
                throw new ConnectorException(SYSTEM, FailureCode.INVALID_AMOUNT,
                        "tender " + part.tenderId() + " refund must be positive, got " + part.amount());
            }
            sum = sum.plus(part.amount());
            parts.merge(part.tenderId(), part,
                    (a, b) -> new TenderRefund(a.tenderId(), a.type(), a.amount().plus(b.amount())));
        }
        if (!sum.equals(amount)) {
            throw new ConnectorException(SYSTEM, FailureCode.AMOUNT_MISMATCH,
                    "tender parts sum to " + sum + ", the refund is " + amount);
        }
        return parts;
    }

    private void requireWithinCaptures(OrderSnapshot order, RefundInstruction instruction,
                                       Iterable<TenderRefund> parts) {
        if (!order.currency().equals(instruction.amount().currency())) {
            throw new ConnectorException(SYSTEM, FailureCode.CURRENCY_MISMATCH,
                    "order " + order.orderId() + " was paid in "
                    + order.currency() + ", the refund is in " + instruction.amount().currency());
        }
        for (TenderRefund part : parts) {
            Optional<Tender> captured = order.tenders().stream()
                    .filter(tender -> tender.tenderId().equals(part.tenderId()))
                    .findFirst();
            if (captured.isEmpty()) {
                if (part.type() == TenderType.STORE_CREDIT) {
                    continue; // new store credit is issued, not refunded against a capture
                }
                throw new ConnectorException(SYSTEM, FailureCode.UNKNOWN_TENDER,
                        "order " + order.orderId() + " was not paid with tender " + part.tenderId());
            }
            Money before = refundedByTender.getOrDefault(new TenderOfOrder(order.orderId(), part.tenderId()),
                    Money.zero(order.currency()));
            Money capturedAmount = captured.get().amount();
            if (before.plus(part.amount()).isGreaterThan(capturedAmount)) {
                throw new ConnectorException(SYSTEM, FailureCode.REFUND_EXCEEDS_CAPTURE, "tender " + part.tenderId()
                        + " captured " + capturedAmount + ", already refunded " + before + ", asked " + part.amount());
            }
        }
    }

    @Override
    public ChargeReceipt charge(ChargeInstruction instruction) {
        behaviour.beforeCall("charge");
        Objects.requireNonNull(instruction, "instruction");
        return chargeIdempotency.answer(instruction.idempotencyKey(), instruction, () -> take(instruction));
    }

    private ChargeReceipt take(ChargeInstruction instruction) {
        requireText(instruction.returnId(), "returnId");
        requireText(instruction.orderId(), "orderId");
        requireText(instruction.tenderId(), "tenderId");
        if (instruction.amount() == null || !instruction.amount().isPositive()) {
            throw new ConnectorException(SYSTEM, FailureCode.INVALID_AMOUNT, "a charge must be positive, got "
                    + instruction.amount());
        }
        if (declineCharges) {
            throw new ConnectorException(SYSTEM, FailureCode.CARD_DECLINED, "the card refused a charge of "
                    + instruction.amount());
        }
        capturedOrders.apply(instruction.orderId()).ifPresent(order -> {
            boolean paidByThatCard = order.tenders().stream().anyMatch(tender -> tender.tenderId()
                    .equals(instruction.tenderId()) && tender.type() == TenderType.CARD);
            if (!paidByThatCard) {
                throw new ConnectorException(SYSTEM, FailureCode.UNKNOWN_TENDER, "order " + order.orderId()
                        + " was not paid by card " + instruction.tenderId());
            }
        });
        String reference = "PSP-CH-%06d".formatted(references.incrementAndGet());
        charges.add(new Charge(instruction.idempotencyKey(), reference, instruction.returnId(), instruction.orderId(),
                instruction.tenderId(), instruction.amount(), clock.instant()));
        return new ChargeReceipt(reference, instruction.amount());
    }

    @Override
    public GiftCardReceipt issueGiftCard(GiftCardInstruction instruction) {
        behaviour.beforeCall("issueGiftCard");
        Objects.requireNonNull(instruction, "instruction");
        return giftCardIdempotency.answer(instruction.idempotencyKey(), instruction, () -> issue(instruction));
    }

    private GiftCardReceipt issue(GiftCardInstruction instruction) {
        requireText(instruction.returnId(), "returnId");
        if (instruction.amount() == null || !instruction.amount().isPositive()) {
            throw new ConnectorException(SYSTEM, FailureCode.INVALID_AMOUNT, "a gift card must be worth something, got "
                    + instruction.amount());
        }
        CreditRecipient recipient = instruction.recipient();
        if (recipient == null || (isBlank(recipient.customerId()) && isBlank(recipient.email()))) {
            throw invalid("a gift card is issued to a customer id or a recipient's e-mail");
        }
        long number = references.incrementAndGet();
        String reference = "PSP-GC-%06d".formatted(number);
        String maskedCode = "****-****-%04d".formatted(number % 10_000);
        giftCards.add(new GiftCard(instruction.idempotencyKey(), reference, maskedCode, instruction.returnId(),
                instruction.amount(), recipient, clock.instant()));
        return new GiftCardReceipt(reference, maskedCode, instruction.amount());
    }

    /** Every gift card issued, oldest first; a repeated instruction adds none. */
    public List<GiftCard> giftCards() {
        return List.copyOf(giftCards);
    }

    /** Every charge taken, oldest first; a repeated instruction adds none. */
    public List<Charge> charges() {
        return List.copyOf(charges);
    }

    /** Whether the cards refuse every new charge (for the failure path of an exchange's price difference). */
    public void setDeclineCharges(boolean declineCharges) {
        this.declineCharges = declineCharges;
    }

    /** Every refund paid, oldest first; a repeated instruction adds none. */
    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    /** Whether new refunds settle at once ({@code true}, the default) or are reported settled later. */
    public void setSettleImmediately(boolean settleImmediately) {
        this.settleImmediately = settleImmediately;
    }

    /** Latency and injected failures; tests make the gateway flaky with {@code setFailureRate}. */
    public SandboxBehaviour behaviour() {
        return behaviour;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static ConnectorException invalid(String message) {
        return new ConnectorException(SYSTEM, FailureCode.INVALID_REQUEST, message);
    }

    /** One refund in the gateway's ledger; {@code storeCreditHolder}: a gift return's recipient of its store credit. */
    public record Refund(String idempotencyKey, String gatewayReference, String returnId, String orderId,
                         List<TenderRefund> tenders, Money amount, boolean settled, Instant refundedAt,
                         CreditRecipient storeCreditHolder) {

        public Refund {
            tenders = List.copyOf(tenders);
        }

        /** A refund whose store credit, if any, is the customer's. */
        public Refund(String idempotencyKey, String gatewayReference, String returnId, String orderId,
                      List<TenderRefund> tenders, Money amount, boolean settled, Instant refundedAt) {
            this(idempotencyKey, gatewayReference, returnId, orderId, tenders, amount, settled, refundedAt, null);
        }
    }

    /** One charge in the gateway's ledger. */
    public record Charge(String idempotencyKey, String gatewayReference, String returnId, String orderId,
                         String tenderId, Money amount, Instant chargedAt) {
    }

    /** One gift card in the gateway's ledger, with its holder. */
    public record GiftCard(String idempotencyKey, String gatewayReference, String maskedCode, String returnId,
                           Money amount, CreditRecipient recipient, Instant issuedAt) {
    }

    private record TenderOfOrder(String orderId, String tenderId) {
    }
}
