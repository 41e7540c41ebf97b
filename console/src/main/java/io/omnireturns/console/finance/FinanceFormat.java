package io.omnireturns.console.finance;

import io.omnireturns.api.money.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * How the finance pages show figures: {@code ${@financeFormat.money(total)}} gives {@code 1,234.56 EUR} (the
 * currency's own minor units: {@code 1,235 JPY}, {@code 1.234 KWD}), exactly, from the minor units; durations in
 * hours with one decimal.
 */
@Component("financeFormat")
public class FinanceFormat {

    public String money(Money money) {
        if (money == null) {
            return "—";
        }
        int digits = Math.max(Currency.getInstance(money.currency()).getDefaultFractionDigits(), 0);
        return amount(money.minor(), digits) + " " + money.currency();
    }

    /** The amount alone, e.g. {@code -12.50}. */
    static String amount(long minor, int digits) {
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(minor, digits));
    }

    /** Seconds as hours with one decimal ({@code 26.5 h}), or a dash when nothing was measured. */
    public String hours(Double seconds) {
        return seconds == null ? "—" : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    /** A share as a percentage with one decimal, or a dash when there was nothing to divide. */
    public String percent(Double ratio) {
        return ratio == null ? "—" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /** {@code REFUND_WITHOUT_CREDIT_MEMO} as "Refund without credit memo". */
    public String words(Enum<?> value) {
        if (value == null) {
            return "—";
        }
        String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
