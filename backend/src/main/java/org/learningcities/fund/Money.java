package org.learningcities.fund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.regex.Pattern;
import org.learningcities.common.ProblemException;

/**
 * Money on the wire and the one rounding rule of the fund.
 *
 * <p>An amount travels as a string with exactly the minor units of its currency ("1000.00" USD,
 * "500" JPY, "12.345" KWD) next to its ISO 4217 code; anything else is a 422 naming the field.
 * The fund's books are in USD cents: a foreign amount becomes USD by {@link #toUsd}, the only
 * place the fund rounds (amount × rate, to cents, half-even).
 */
public final class Money {

    public static final String USD = "USD";
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,4})?");
    private static final Pattern RATE = Pattern.compile("\\d{1,9}(\\.\\d{1,10})?");

    private Money() {
    }

    /** Minor units of an ISO 4217 currency that is money (not XAU, XXX and the like). */
    public static int minorUnits(String field, String currency) {
        try {
            int digits = currency == null ? -1 : Currency.getInstance(currency).getDefaultFractionDigits();
            if (digits >= 0 && digits <= 4) {
                return digits;
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw ProblemException.validation(field, "must be an ISO 4217 currency code such as USD, EUR or JPY");
    }

    /** A positive amount written with exactly the currency's minor units. */
    public static BigDecimal parse(String field, String text, String currency) {
        int digits = minorUnits("currency", currency);
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw ProblemException.validation(field, "must be a positive amount like \"1000.00\"");
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.scale() != digits) {
            throw ProblemException.validation(field, "must have exactly " + digits + " decimal places for " + currency);
        }
        if (amount.signum() <= 0) {
            throw ProblemException.validation(field, "must be more than zero");
        }
        return amount;
    }

    /** A positive exchange rate (units of USD for one unit of the currency), at most 10 decimals. */
    public static BigDecimal rate(String field, String text) {
        if (text == null || !RATE.matcher(text).matches() || new BigDecimal(text).signum() <= 0) {
            throw ProblemException.validation(field, "must be a positive rate like \"1.0850\" (at most 10 decimals)");
        }
        return new BigDecimal(text);
    }

    /** THE rounding rule: amount × rate, rounded to USD cents, half-even (banker's rounding). */
    public static BigDecimal toUsd(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** A percentage of a USD amount (the agent's fee), rounded to cents half-even like {@link #toUsd}. */
    public static BigDecimal percentOf(BigDecimal usd, BigDecimal percent) {
        return usd.multiply(percent).movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** An amount as the wire carries it: exactly the currency's minor units, no exponent. */
    public static String format(BigDecimal amount, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return amount.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static String usd(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
