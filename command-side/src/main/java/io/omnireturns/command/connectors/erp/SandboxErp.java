package io.omnireturns.command.connectors.erp;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.common.SandboxIdempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An ERP in the process: it posts credit memos (and the debit memos that correct them) and moves stock, each write
 * once per idempotency key, and keeps both ledgers for tests and demos to read.
 *
 * <p>A credit memo must add up (lines plus shipping equal the total, one currency, total positive). A stock
 * movement goes by disposition (rule 5): {@code RESTOCK}, {@code REFURBISH} and {@code RETURN_TO_CUSTOMER} bring
 * the units into stock at the receiving location (sellable, into refurbishment, or held there until they ship
 * back to the customer); {@code SCRAP}, {@code LIQUIDATE} and {@code RETURN_TO_VENDOR} write them off, so they
 * never count as stock on hand.
 */
public class SandboxErp implements Erp {

    private final SandboxBehaviour behaviour;
    private final Clock clock;
    private final SandboxIdempotency<CreditMemoRequest, CreditMemoReceipt> memoKeys =
            new SandboxIdempotency<>(ExternalSystem.ERP_CREDIT_MEMO);
    private final SandboxIdempotency<InventoryAdjustmentRequest, InventoryReceipt> movementKeys =
            new SandboxIdempotency<>(ExternalSystem.ERP_INVENTORY);
    private final SandboxIdempotency<DebitMemoRequest, DebitMemoReceipt> debitKeys =
            new SandboxIdempotency<>(ExternalSystem.ERP_CREDIT_MEMO);
    private final ConcurrentLinkedQueue<CreditMemo> creditMemos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<DebitMemo> debitMemos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<StockMovement> stockMovements = new ConcurrentLinkedQueue<>();
    private final Map<StockPlace, Integer> onHand = new ConcurrentHashMap<>();
    private final AtomicLong documentNumbers = new AtomicLong();
    private final AtomicLong debitNumbers = new AtomicLong();
    private final AtomicLong movementNumbers = new AtomicLong();

    public SandboxErp(SandboxBehaviour behaviour, Clock clock) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CreditMemoReceipt postCreditMemo(CreditMemoRequest request) {
        behaviour.beforeCall("postCreditMemo");
        Objects.requireNonNull(request, "request");
        return memoKeys.answer(request.idempotencyKey(), request, () -> post(request));
    }

    @Override
    public DebitMemoReceipt postDebitMemo(DebitMemoRequest request) {
        behaviour.beforeCall("postDebitMemo");
        Objects.requireNonNull(request, "request");
        return debitKeys.answer(request.idempotencyKey(), request, () -> debit(request));
    }

    /** A debit memo reduces a credit memo of the same return, in its currency, by no more than it credited. */
    private DebitMemoReceipt debit(DebitMemoRequest request) {
        ExternalSystem system = ExternalSystem.ERP_CREDIT_MEMO;
        requireText(system, request.returnId(), "returnId");
        requireText(system, request.creditMemoDocument(), "creditMemoDocument");
        if (request.amount() == null || !request.amount().isPositive()) {
            throw new ConnectorException(system, FailureCode.INVALID_AMOUNT, "a debit memo must be positive, got "
                    + request.amount());
        }
        CreditMemo credited = creditMemos.stream()
                .filter(memo -> memo.documentNumber().equals(request.creditMemoDocument())
                        && memo.returnId().equals(request.returnId()))
                .findFirst().orElseThrow(() -> new ConnectorException(system, FailureCode.UNKNOWN_CREDIT_MEMO,
                        "no credit memo " + request.creditMemoDocument() + " for return " + request.returnId()));
        Money debited = debitMemos.stream().filter(memo -> memo.creditMemoDocument().equals(credited.documentNumber()))
                .map(DebitMemo::amount).reduce(Money.zero(credited.total().currency()), Money::plus);
        if (!request.amount().currency().equals(credited.total().currency())
                || debited.plus(request.amount()).isGreaterThan(credited.total())) {
            throw new ConnectorException(system, FailureCode.TOTAL_MISMATCH, "a debit memo of " + request.amount()
                    + " exceeds what is left of credit memo " + credited.documentNumber() + " ("
                    + credited.total().minus(debited) + ")");
        }
        String documentNumber = "DM-%06d".formatted(debitNumbers.incrementAndGet());
        debitMemos.add(new DebitMemo(request.idempotencyKey(), documentNumber, request.returnId(),
                credited.documentNumber(), request.amount(), request.chargeReference(), clock.instant()));
        return new DebitMemoReceipt(documentNumber, request.amount());
    }

    @Override
    public InventoryReceipt adjustInventory(InventoryAdjustmentRequest request) {
        behaviour.beforeCall("adjustInventory");
        Objects.requireNonNull(request, "request");
        return movementKeys.answer(request.idempotencyKey(), request, () -> move(request));
    }

    private CreditMemoReceipt post(CreditMemoRequest request) {
        ExternalSystem system = ExternalSystem.ERP_CREDIT_MEMO;
        requireText(system, request.returnId(), "returnId");
        requireText(system, request.orderId(), "orderId");
        Money total = request.total();
        if (total == null || request.shippingRefund() == null) {
            throw invalid(system, "a credit memo needs a total and a shipping refund (zero for none)");
        }
        if (!total.isPositive()) {
            throw new ConnectorException(system, FailureCode.INVALID_AMOUNT,
                    "a credit memo must be positive, got " + total);
        }
        Money sum = request.shippingRefund();
        for (LineRefund line : request.lines()) {
            requireText(system, line.orderLineId(), "orderLineId");
            if (line.quantity() < 0 || line.amount().isNegative()) {
                throw invalid(system, "line " + line.orderLineId() + " has a negative quantity or amount");
            }
            if (!line.amount().currency().equals(total.currency())) {
                throw new ConnectorException(system, FailureCode.CURRENCY_MISMATCH,
                        "line " + line.orderLineId() + " is in "
                        + line.amount().currency() + ", the credit memo in " + total.currency());
            }
            sum = sum.plus(line.amount());
        }
        if (!sum.equals(total)) {
            throw new ConnectorException(system, FailureCode.TOTAL_MISMATCH,
                    "lines and shipping sum to " + sum + ", the credit memo total is " + total);
        }
        requireTaxWithinMemo(request);
        String documentNumber = "CM-%06d".formatted(documentNumbers.incrementAndGet());
        creditMemos.add(new CreditMemo(request.idempotencyKey(), documentNumber, request.returnId(), request.orderId(),
                request.customerId(), request.lines(), request.shippingRefund(), total, clock.instant(),
                request.taxByJurisdiction()));
        return new CreditMemoReceipt(documentNumber, total, request.taxByJurisdiction());
    }

    /**
     * Tax lines per jurisdiction, where given, must be in the memo's currency and sum to the lines' tax plus at most
     * the shipping refund (the tax in it), plus an exchange's price difference's tax where named: a memo whose tax lines say otherwise would put the books out of step.
     */
    private static void requireTaxWithinMemo(CreditMemoRequest request) {
        if (request.taxByJurisdiction().isEmpty()) {
            return;
        }
        ExternalSystem system = ExternalSystem.ERP_CREDIT_MEMO;
        Money linesTax = Money.zero(request.total().currency());
        for (LineRefund line : request.lines()) {
            linesTax = linesTax.plus(line.tax());
        }
        Money taxLines = Money.zero(request.total().currency());
        for (JurisdictionTax jurisdiction : request.taxByJurisdiction()) {
            if (jurisdiction.jurisdiction() == null || jurisdiction.jurisdiction().isBlank()) {
                throw invalid(system, "a tax line needs a jurisdiction");
            }
            if (!jurisdiction.tax().currency().equals(request.total().currency())) {
                throw new ConnectorException(system, FailureCode.CURRENCY_MISMATCH,
                        "tax of " + jurisdiction.jurisdiction()
                        + " is in " + jurisdiction.tax().currency());
            }
            taxLines = taxLines.plus(jurisdiction.tax());
        }
        Money differenceTax = request.priceDifferenceTax() == null ? Money.zero(request.total().currency())
                : request.priceDifferenceTax();
        Money shippingTax = taxLines.minus(differenceTax).minus(linesTax);
        if (shippingTax.isNegative() || shippingTax.isGreaterThan(request.shippingRefund())) {
            throw new ConnectorException(system, FailureCode.TAX_MISMATCH, "tax lines sum to " + taxLines
                    + ", the memo's lines carry " + linesTax + " of tax and the price difference " + differenceTax);
        }
    }

    private InventoryReceipt move(InventoryAdjustmentRequest request) {
        ExternalSystem system = ExternalSystem.ERP_INVENTORY;
        requireText(system, request.returnId(), "returnId");
        requireText(system, request.sku(), "sku");
        requireText(system, request.locationId(), "locationId");
        if (request.disposition() == null) {
            throw invalid(system, "a stock movement needs a disposition");
        }
        if (request.quantity() <= 0) {
            throw invalid(system, "quantity must be positive, got " + request.quantity());
        }
        StockEffect effect = StockEffect.of(request.disposition());
        if (effect == StockEffect.INTO_STOCK) {
            onHand.merge(new StockPlace(request.locationId(), request.sku()), request.quantity(), Integer::sum);
        }
        String movementId = "MV-%06d".formatted(movementNumbers.incrementAndGet());
        stockMovements.add(new StockMovement(request.idempotencyKey(), movementId, request.returnId(),
                request.orderLineId(), request.sku(), request.quantity(), request.disposition(), request.locationId(),
                effect, clock.instant()));
        return new InventoryReceipt(movementId);
    }

    /** Every credit memo posted, oldest first; a repeated request adds none. */
    public List<CreditMemo> creditMemos() {
        return List.copyOf(creditMemos);
    }

    /** Every debit memo posted, oldest first; a repeated request adds none. */
    public List<DebitMemo> debitMemos() {
        return List.copyOf(debitMemos);
    }

    /** Every stock movement, oldest first; a repeated request adds none. */
    public List<StockMovement> stockMovements() {
        return List.copyOf(stockMovements);
    }

    /** Units of a SKU returned into stock at a location (write-offs never count). */
    public int stockOnHand(String locationId, String sku) {
        return onHand.getOrDefault(new StockPlace(locationId, sku), 0);
    }

    /** Latency and injected failures of both credit memos and stock; tests set them with {@code setFailureRate}. */
    public SandboxBehaviour behaviour() {
        return behaviour;
    }

    private static void requireText(ExternalSystem system, String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(system, field + " is required");
        }
    }

    private static ConnectorException invalid(ExternalSystem system, String message) {
        return new ConnectorException(system, FailureCode.INVALID_REQUEST, message);
    }

    /** Where returned units go in the books. */
    public enum StockEffect {
        /** Into stock at the receiving location: restocked, refurbished, or held until returned to the customer. */
        INTO_STOCK,
        /** Written off: scrapped, liquidated or sent back to the vendor; never stock on hand. */
        WRITE_OFF;

        public static StockEffect of(Disposition disposition) {
            return switch (disposition) {
                case RESTOCK, REFURBISH, RETURN_TO_CUSTOMER -> INTO_STOCK;
                case SCRAP, LIQUIDATE, RETURN_TO_VENDOR -> WRITE_OFF;
            };
        }
    }

    /** One credit memo in the ERP's ledger. */
    public record CreditMemo(String idempotencyKey, String documentNumber, String returnId, String orderId,
                             String customerId, List<LineRefund> lines, Money shippingRefund, Money total,
                             Instant postedAt, List<JurisdictionTax> taxByJurisdiction) {

        public CreditMemo {
            lines = List.copyOf(lines);
            taxByJurisdiction = taxByJurisdiction == null ? List.of() : List.copyOf(taxByJurisdiction);
        }

        public CreditMemo(String idempotencyKey, String documentNumber, String returnId, String orderId,
                          String customerId, List<LineRefund> lines, Money shippingRefund, Money total,
                          Instant postedAt) {
            this(idempotencyKey, documentNumber, returnId, orderId, customerId, lines, shippingRefund, total, postedAt,
                    List.of());
        }
    }

    /** One debit memo in the ERP's ledger: {@code amount} taken off credit memo {@code creditMemoDocument}. */
    public record DebitMemo(String idempotencyKey, String documentNumber, String returnId, String creditMemoDocument,
                            Money amount, String chargeReference, Instant postedAt) {
    }

    /** One stock movement in the ERP's ledger; {@code effect} says whether it restocks or writes off. */
    public record StockMovement(String idempotencyKey, String movementId, String returnId, String orderLineId,
                                String sku, int quantity, Disposition disposition, String locationId,
                                StockEffect effect, Instant movedAt) {

        /** Units added to stock on hand at the location: the quantity when restocked, none when written off. */
        public int stockChange() {
            return effect == StockEffect.INTO_STOCK ? quantity : 0;
        }
    }

    private record StockPlace(String locationId, String sku) {
    }
}
