package io.omnireturns.api.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An exact amount: minor units (cents, pence, yen) of one ISO 4217 currency.
 * Arithmetic between two currencies is refused rather than guessed.
 */
public record Money(long minor, String currency) implements Comparable<Money> {

    @JsonCreator
    public Money(@JsonProperty("minor") long minor, @JsonProperty("currency") String currency) {
        this.minor = minor;
        this.currency = requireIsoCurrency(currency);
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    private static String requireIsoCurrency(String code) {
        if (code == null || code.length() != 3) {
            throw new MoneyException("INVALID_CURRENCY", "currency must be an ISO 4217 code, got " + code);
        }
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new MoneyException("INVALID_CURRENCY", "unknown ISO 4217 currency " + code);
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public Money min(Money other) {
        requireSameCurrency(other);
        return minor <= other.minor ? this : other;
    }

    public Money max(Money other) {
        requireSameCurrency(other);
        return minor >= other.minor ? this : other;
    }

    @JsonIgnore
    public boolean isZero() {
        return minor == 0;
    }

    @JsonIgnore
    public boolean isNegative() {
        return minor < 0;
    }

    @JsonIgnore
    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return minor > other.minor;
    }

    /** Amount times numerator / denominator, rounded down; exact for any long inputs that fit. */
    public Money fraction(long numerator, long denominator) {
        if (denominator <= 0 || numerator < 0) {
            throw new MoneyException("INVALID_FRACTION", "fraction " + numerator + "/" + denominator);
        }
        long value = BigInteger.valueOf(minor)
                .multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator))
                .longValueExact();
        return new Money(value, currency);
    }

    /**
     * Splits this amount over the weights by the largest-remainder method: every part is
     * floor(total * weight / sum) and the leftover minor units go, one each, to the parts with
     * the largest remainders (ties to the earlier part). The parts always sum to this amount.
     * A negative amount is split as its magnitude and negated, so signs never flip.
     */
    public List<Money> allocate(List<Long> weights) {
        if (weights.isEmpty()) {
            throw new MoneyException("INVALID_ALLOCATION", "no weights to allocate over");
        }
        long sum = 0;
        for (Long w : weights) {
            if (w == null || w < 0) {
                throw new MoneyException("INVALID_ALLOCATION", "weights must be zero or positive");
            }
            sum = Math.addExact(sum, w);
        }
        if (sum == 0) {
            throw new MoneyException("INVALID_ALLOCATION", "weights sum to zero");
        }
        boolean negative = minor < 0;
        BigInteger total = BigInteger.valueOf(Math.abs(minor));
        BigInteger divisor = BigInteger.valueOf(sum);
        long[] parts = new long[weights.size()];
        BigInteger[] remainders = new BigInteger[weights.size()];
        long allocated = 0;
        for (int i = 0; i < parts.length; i++) {
            BigInteger[] qr = total.multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(divisor);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            allocated += parts[i];
        }
        long leftover = Math.abs(minor) - allocated;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < leftover; k++) {
            parts[order.get(k)]++;
        }
        List<Money> result = new ArrayList<>(parts.length);
        for (long part : parts) {
            result.add(new Money(negative ? -part : part, currency));
        }
        return Collections.unmodifiableList(result);
    }

    /** Splits evenly into n parts that sum to this amount (earlier parts take the leftover units). */
    public List<Money> split(int n) {
        return allocate(Collections.nCopies(n, 1L));
    }

    public static Money sum(List<Money> amounts, String currency) {
        Money total = zero(currency);
        for (Money amount : amounts) {
            total = total.plus(amount);
        }
        return total;
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new MoneyException("CURRENCY_MISMATCH",
                    "cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }
}
