package io.omnireturns.command.returns.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.KeepLines;
import io.omnireturns.api.returns.command.MarkGiftReturn;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.api.returns.command.RequestReturn;
import io.omnireturns.command.config.AggregateLocks;
import io.omnireturns.command.config.CommandSideProperties;
import io.omnireturns.command.config.ConflictRetryScheduler;
import io.omnireturns.command.config.EventStoreWakeUp;
import io.omnireturns.command.connectors.orders.OrderSystem;
import io.omnireturns.command.returns.quote.SettlementTermsCheck;
import io.omnireturns.api.returns.command.AgreeSettlementTerms;
import io.omnireturns.command.policy.gift.GiftCardPolicy;
import io.omnireturns.command.policy.gift.GiftCardProperties;
import io.omnireturns.command.policy.gift.GiftReturnProperties;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Records a return and decides its eligibility: the order as the order system knows it, the eligibility
 * policy line by line, then the order's ledger for what is left to return across all its returns.
 * The return, its reservation, its decision, the return's line in the customer's return history (which the
 * customer's trust tier is read from) and the Idempotency-Key with its answer are written in one transaction, under a
 * lock on the key that makes concurrent duplicates wait for that transaction and then answer what it stored. With
 * {@code omnireturns.engine.optimised=false} the key is claimed first in a commit of its own and each step commits on
 * its own; every step is safe to repeat, so a claim whose request died mid-way is taken over and finished.
 */
@Service
public class ReturnRequestService {

    public static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";
    public static final String CUSTOMER_DOES_NOT_MATCH_ORDER = "CUSTOMER_DOES_NOT_MATCH_ORDER";
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String REQUEST_IN_PROGRESS = "REQUEST_IN_PROGRESS";
    public static final String QUANTITY_EXCEEDS_REMAINING = ReturnEligibility.QUANTITY_EXCEEDS_REMAINING;

    /** Canonical form for hashing: the same request always hashes the same, whatever the key order. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ObjectMapper ANSWERS = AxonInfrastructureConfiguration.storageObjectMapper();

    private final RequestCommands commands;
    private final OrderSystem orders;
    private final ReturnEligibility eligibility;
    private final ReturnRequestIdempotency idempotency;
    private final CommandSideProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final AggregateLocks locks;
    private final EventStoreWakeUp wakeUp;
    private final boolean optimised;
    private final SettlementTermsCheck settlementTerms;
    private final GiftReturnProperties gifts;
    private final GiftCardPolicy giftCards;
    private final CustomerTrust trust;

    ReturnRequestService(RequestCommands commands, OrderSystem orders, ReturnEligibility eligibility,
                         ReturnRequestIdempotency idempotency, CommandSideProperties properties, Clock clock,
                         PlatformTransactionManager transactionManager, AggregateLocks locks, EventStoreWakeUp wakeUp,
                         @Value("${omnireturns.engine.optimised:true}") boolean optimised,
                         SettlementTermsCheck settlementTerms, GiftReturnProperties gifts,
                         GiftCardProperties giftCards, CustomerTrust trust) {
        this.trust = trust;
        this.settlementTerms = settlementTerms;
        this.gifts = gifts;
        this.giftCards = giftCards.policy();
        this.transaction = new TransactionTemplate(transactionManager);
        this.optimised = optimised;
        this.locks = locks;
        this.wakeUp = wakeUp;
        this.commands = commands;
        this.orders = orders;
        this.eligibility = eligibility;
        this.idempotency = idempotency;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param caller         the signed-in principal's name: the namespace of its Idempotency-Keys. A channel (the web
     *                       shop, a till system) signs in as itself and mints keys for all its customers; a store
     *                       associate who signs in personally has keys of their own. Never a header a client sets.
     * @param idempotencyKey the caller's key for this request
     */
    public ReturnRequestAnswer request(String caller, String idempotencyKey, ReturnRequestForm form) {
        String hash = hash(form);
        if (optimised) {
            Optional<ReturnRequestAnswer> answer = requestInOneTransaction(caller, idempotencyKey, hash, form);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        Instant giveUpAt = clock.instant().plus(properties.idempotencyWait());
        long pauseNanos = 5_000_000;
        while (true) {
            var claim = idempotency.claim(caller, idempotencyKey, hash, clock.instant(), properties.idempotencyTakeoverAfter());
            if (claim instanceof ReturnRequestIdempotency.Mismatch) {
                throw keyReused();
            }
            if (claim instanceof ReturnRequestIdempotency.Answered answered) {
                return read(answered.body());
            }
            if (claim instanceof ReturnRequestIdempotency.Claimed claimed) {
                return process(caller, idempotencyKey, claimed, form);
            }
            if (clock.instant().isAfter(giveUpAt)) {
                throw new DomainException(ErrorKind.ILLEGAL_STATE, REQUEST_IN_PROGRESS,
                        "a request with this Idempotency-Key is still being processed; retry shortly");
            }
            // the first request answers within milliseconds; back off gently while it does
            LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, 200_000_000);
        }
    }

    /**
     * The whole request in one transaction with its key. Empty when the key holds an unanswered claim (a request
     * taken step by step, by a node with the optimisations off or one that died mid-way): the claims then wait for it
     * or take it over.
     */
    private Optional<ReturnRequestAnswer> requestInOneTransaction(String caller, String idempotencyKey, String hash,
                                                                  ReturnRequestForm form) {
        ReturnRequestIdempotency.Claim earlier = idempotency.look(caller, idempotencyKey, hash);
        if (earlier != null) {
            return answerOf(earlier); // a retry of an answered request, without a lock or a call to the order system
        }
        String returnId = UUID.randomUUID().toString();
        form.checkGiftReturn(giftCards);
        List<RequestedLine> lines = requestedLines(form);
        OrderSnapshot order = orderOf(form);
        Optional<AgreeSettlementTerms> terms = settlementTerms.termsFor(returnId, form.quoteId(), order,
                form.refundMethodOrDefault(), lines);
        try {
            return Optional.of(inOneTransaction(() -> {
                ReturnRequestIdempotency.Claim meanwhile = idempotency.lockAndLook(caller, idempotencyKey, hash);
                if (meanwhile != null) {
                    throw new KeyTakenMeanwhile(meanwhile); // a duplicate committed while this one looked
                }
                ReturnRequestAnswer answer = createAndDecide(returnId, form, order, lines, terms);
                if (!idempotency.record(caller, idempotencyKey, hash, returnId, 201, write(answer), clock.instant())) {
                    throw new KeyTakenMeanwhile(null); // claimed step by step meanwhile: roll back, wait for that claim
                }
                return answer;
            }));
        } catch (KeyTakenMeanwhile taken) {
            return taken.claim == null ? Optional.empty() : answerOf(taken.claim);
        }
    }

    /** What an existing key answers: its stored answer, a refusal of another body, or nothing yet. */
    private static Optional<ReturnRequestAnswer> answerOf(ReturnRequestIdempotency.Claim claim) {
        if (claim instanceof ReturnRequestIdempotency.Mismatch) {
            throw keyReused();
        }
        if (claim instanceof ReturnRequestIdempotency.Answered answered) {
            return Optional.of(read(answered.body()));
        }
        return Optional.empty();
    }

    private static DomainException keyReused() {
        return new DomainException(ErrorKind.RULE_VIOLATION, IDEMPOTENCY_KEY_REUSED,
                "you used this Idempotency-Key before with a different request body");
    }

    /** Leaves the request's transaction, rolling it back, when its key turns out to be another request's. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        private final ReturnRequestIdempotency.Claim claim;

        KeyTakenMeanwhile(ReturnRequestIdempotency.Claim claim) {
            super(null, null, false, false);
            this.claim = claim;
        }
    }

    private static List<RequestedLine> requestedLines(ReturnRequestForm form) {
        return form.lines().stream()
                .map(line -> new RequestedLine(line.orderLineId(), line.quantity(), line.reason(), line.replacementSku()))
                .toList();
    }

    private ReturnRequestAnswer process(String caller, String idempotencyKey, ReturnRequestIdempotency.Claimed claim, ReturnRequestForm form) {
        String returnId = claim.returnId();
        try {
            form.checkGiftReturn(giftCards);
        } catch (DomainException refused) {
            if (!claim.takenOver()) {
                idempotency.forget(caller, idempotencyKey, returnId); // nothing created: the key is free again
            }
            throw refused;
        }
        List<RequestedLine> lines = requestedLines(form);
        OrderSnapshot order;
        try {
            order = orderOf(form);
            // checked before anything is recorded: a quote or replacement the request cannot have refuses it whole
            Optional<AgreeSettlementTerms> terms = settlementTerms.termsFor(returnId, form.quoteId(), order,
                    form.refundMethodOrDefault(), lines);
            if (optimised && !claim.takenOver()) {
                OrderSnapshot found = order;
                return inOneTransaction(() -> answered(caller, idempotencyKey,
                        createAndDecide(returnId, form, found, lines, terms)));
            }
            createReturn(returnId, form, order, lines);
            terms.ifPresent(commands::sendAndWait);
        } catch (DomainException refused) {
            // refused before anything was created (or all of it rolled back): the key is free for a corrected request
            if (!claim.takenOver()) {
                idempotency.forget(caller, idempotencyKey, returnId);
            }
            throw refused;
        }
        return answered(caller, idempotencyKey, decide(returnId, form, order, lines));
    }

    private OrderSnapshot orderOf(ReturnRequestForm form) {
        OrderSnapshot order = orders.findOrder(form.orderId()).orElseThrow(() -> new DomainException(
                ErrorKind.RULE_VIOLATION, ORDER_NOT_FOUND, "the order system knows no order " + form.orderId()));
        if (form.customerId() != null && !form.customerId().equals(order.customerId())) {
            throw new DomainException(ErrorKind.RULE_VIOLATION, CUSTOMER_DOES_NOT_MATCH_ORDER,
                    "order " + form.orderId() + " does not belong to customer " + form.customerId());
        }
        return order;
    }

    /**
     * Runs the request's commands and its answer as one transaction: one commit instead of one per command and one for
     * the answer, and a refusal leaves nothing behind. A lost race on an aggregate (another request of the same order
     * reserved first) aborts the whole transaction; it runs again from the top, at most as often as a single command
     * would be retried. The aggregates' locks are held until it has ended ({@link AggregateLocks}).
     */
    private ReturnRequestAnswer inOneTransaction(Supplier<ReturnRequestAnswer> request) {
        for (int attempt = 0; ; attempt++) {
            try {
                ReturnRequestAnswer answer = locks.holdingUntilDone(() -> transaction.execute(status -> request.get()));
                wakeUp.eventsCommitted();
                return answer;
            } catch (RuntimeException failed) {
                if (attempt >= properties.conflictRetries() || !ConflictRetryScheduler.isConflict(failed)) {
                    throw failed;
                }
                LockSupport.parkNanos(properties.conflictRetryInterval().toNanos());
            }
        }
    }

    /** Inside one transaction: the return, its agreed terms and gift details, then its decision. */
    private ReturnRequestAnswer createAndDecide(String returnId, ReturnRequestForm form, OrderSnapshot order,
                                                List<RequestedLine> lines, Optional<AgreeSettlementTerms> terms) {
        commands.sendAndWait(requestReturn(returnId, form, order, lines));
        terms.ifPresent(commands::sendAndWait);
        markGift(returnId, form);
        return decide(returnId, form, order, lines);
    }

    private ReturnRequestAnswer decide(String returnId, ReturnRequestForm form, OrderSnapshot order,
                                       List<RequestedLine> lines) {
        List<LineDecision> decisions = eligibility.decide(returnId, order, form.channel(), form.storeId(), lines,
                clock.instant());
        if (decisions.stream().anyMatch(LineDecision::isAuthorized)) {
            // before the authorization, which starts the fraud check: the check carries the tier and its signals
            trust.assess(returnId, order, clock.instant()).ifPresent(commands::sendAndWait);
        }
        ReturnStatus status = commands.sendAndWait(new RecordEligibilityDecision(returnId, decisions));
        if (status == ReturnStatus.AUTHORIZED) {
            Optional<KeepLines> keepIt = eligibility.keepIt(returnId, order, decisions);
            if (keepIt.isPresent()) {
                status = commands.sendAndWait(keepIt.get());
            }
            // after the assessment: the tier is read from the history before this return joins it
            trust.remember(returnId, order, decisions, keepIt.isPresent(), clock.instant());
        }
        return new ReturnRequestAnswer(returnId, status, decisions);
    }

    private ReturnRequestAnswer answered(String caller, String idempotencyKey, ReturnRequestAnswer answer) {
        idempotency.answer(caller, idempotencyKey, answer.returnId(), 201, write(answer), clock.instant());
        return answer;
    }

    private void createReturn(String returnId, ReturnRequestForm form, OrderSnapshot order, List<RequestedLine> lines) {
        try {
            commands.sendAndWait(requestReturn(returnId, form, order, lines));
        } catch (AggregateStreamCreationException alreadyCreated) {
            // the id was minted for this key alone: it exists because this request (or its taker) created it
        }
        markGift(returnId, form);
    }

    /** A gift return: the recipient's contact, and whether the policy lets the buyer know (once per return). */
    private void markGift(String returnId, ReturnRequestForm form) {
        if (form.isGiftReturn()) {
            commands.sendAndWait(new MarkGiftReturn(returnId, form.giftRecipient().name(),
                    form.giftRecipient().email(), gifts.buyerNotified()));
        }
    }

    private static RequestReturn requestReturn(String returnId, ReturnRequestForm form, OrderSnapshot order,
                                               List<RequestedLine> lines) {
        return new RequestReturn(returnId, form.channel(), form.storeId(), order.customerId(),
                form.refundMethodOrDefault(), lines, order);
    }

    private static String hash(ReturnRequestForm form) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(form).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a return request", e);
        }
    }

    private static String write(ReturnRequestAnswer answer) {
        try {
            return ANSWERS.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the answer of a return request", e);
        }
    }

    private static ReturnRequestAnswer read(String body) {
        try {
            return ANSWERS.readValue(body, ReturnRequestAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer of a return request is unreadable", e);
        }
    }
}
