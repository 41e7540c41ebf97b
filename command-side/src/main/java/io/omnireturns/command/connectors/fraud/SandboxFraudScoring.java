package io.omnireturns.command.connectors.fraud;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A fraud service in the process that scores deterministically, so demos and tests know the outcome in advance.
 *
 * <p>Score, 0..100: 5, plus 1 per full 50.00 of merchandise value (at most 40), plus 3 per item
 * after the first (at most 20), plus 50 for a customer on the watch list, plus 10 per serial-returner signal of our
 * own history (each also named among the assessment's signals, as {@code RETURNER_} and its code). Review is required
 * for a customer on the watch list, for merchandise value above the review threshold (in major units of whatever
 * currency, so 2,000.00 EUR and 2,000.00 GBP alike), and for a serial returner on three counts or more (one or two
 * signals raise the score and show the agent, a pattern on most counts needs a person); the score alone never
 * requires it. Scoring writes nothing anyone relies on, so it
 * takes no idempotency key: the same check always gets the same assessment. Every assessment is logged.
 */
public class SandboxFraudScoring implements FraudScoring {

    public static final Set<String> DEFAULT_WATCH_LIST = Set.of("CUST-666");
    public static final BigDecimal DEFAULT_REVIEW_ABOVE = new BigDecimal("2000.00");

    public static final String WATCH_LIST = "CUSTOMER_ON_WATCH_LIST";
    public static final String HIGH_VALUE = "HIGH_VALUE";
    public static final String MANY_ITEMS = "MANY_ITEMS";

    private static final ExternalSystem SYSTEM = ExternalSystem.FRAUD;
    private static final int BASE_SCORE = 5;
    private static final long VALUE_STEP_MAJOR = 50;
    private static final int MAX_VALUE_POINTS = 40;
    private static final int POINTS_PER_EXTRA_ITEM = 3;
    private static final int MAX_ITEM_POINTS = 20;
    private static final int WATCH_LIST_POINTS = 50;
    private static final int MANY_ITEMS_FROM = 10;
    private static final int POINTS_PER_RETURNER_SIGNAL = 10;
    private static final int RETURNER_SIGNALS_FOR_REVIEW = 3;
    public static final String RETURNER_PREFIX = "RETURNER_";

    private final SandboxBehaviour behaviour;
    private final Clock clock;
    private final Set<String> watchList;
    private final BigDecimal reviewAbove;
    private final ConcurrentLinkedQueue<Assessment> assessments = new ConcurrentLinkedQueue<>();

    /** The default rules: watch list {@code CUST-666}, review above 2,000.00. */
    public SandboxFraudScoring(SandboxBehaviour behaviour, Clock clock) {
        this(behaviour, clock, DEFAULT_WATCH_LIST, DEFAULT_REVIEW_ABOVE);
    }

    /**
     * @param watchList   customers whose returns a person always reviews
     * @param reviewAbove merchandise value, in major units of the return's currency, above which a person reviews
     */
    public SandboxFraudScoring(SandboxBehaviour behaviour, Clock clock, Set<String> watchList,
                               BigDecimal reviewAbove) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.watchList = Set.copyOf(watchList);
        this.reviewAbove = Objects.requireNonNull(reviewAbove, "reviewAbove");
    }

    @Override
    public FraudAssessment assess(FraudCheck check) {
        behaviour.beforeCall("assess");
        Objects.requireNonNull(check, "check");
        Money value = check.merchandiseValue();
        if (value == null || value.isNegative() || check.items() < 0) {
            throw new ConnectorException(SYSTEM, FailureCode.INVALID_REQUEST,
                    "a check needs a merchandise value and item count of zero or more");
        }
        BigDecimal majorValue = major(value);
        List<String> signals = new ArrayList<>();
        int score = BASE_SCORE;
        score += Math.min(MAX_VALUE_POINTS, majorValue.longValue() / VALUE_STEP_MAJOR);
        score += Math.min(MAX_ITEM_POINTS, POINTS_PER_EXTRA_ITEM * Math.max(0, check.items() - 1));
        boolean watched = check.customerId() != null && watchList.contains(check.customerId());
        if (watched) {
            score += WATCH_LIST_POINTS;
            signals.add(WATCH_LIST);
        }
        boolean highValue = majorValue.compareTo(reviewAbove) > 0;
        if (highValue) {
            signals.add(HIGH_VALUE);
        }
        if (check.items() >= MANY_ITEMS_FROM) {
            signals.add(MANY_ITEMS);
        }
        score += POINTS_PER_RETURNER_SIGNAL * check.returnerSignals().size();
        check.returnerSignals().forEach(signal -> signals.add(RETURNER_PREFIX + signal.name()));
        boolean serialReturner = check.returnerSignals().size() >= RETURNER_SIGNALS_FOR_REVIEW;
        FraudAssessment assessment = new FraudAssessment(Math.min(100, score), watched || highValue || serialReturner,
                signals);
        assessments.add(new Assessment(check.returnId(), check.orderId(), check.customerId(), check.channel(),
                check.items(), value, assessment, clock.instant()));
        return assessment;
    }

    private static BigDecimal major(Money value) {
        int digits = Math.max(0, Currency.getInstance(value.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(value.minor(), digits);
    }

    /** Every assessment made, oldest first, one per call (a repeated check is logged again). */
    public List<Assessment> assessments() {
        return List.copyOf(assessments);
    }

    public Set<String> watchList() {
        return watchList;
    }

    public BigDecimal reviewAbove() {
        return reviewAbove;
    }

    /** Latency and injected failures; tests make scoring flaky with {@code setFailureRate}. */
    public SandboxBehaviour behaviour() {
        return behaviour;
    }

    /** One assessment in the fraud service's log: what was checked and what it answered. */
    public record Assessment(String returnId, String orderId, String customerId, SalesChannel channel, int items,
                             Money merchandiseValue, FraudAssessment result, Instant assessedAt) {
    }
}
