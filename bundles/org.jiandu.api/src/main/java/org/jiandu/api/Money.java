package org.jiandu.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in yuan (元) as {@link BigDecimal} with scale 2. Never a {@code double}.
 *
 * <p>{@link #parse(String, String)} is the one reading of an amount written as text, for every path (ledger events,
 * guard details, seizure requests): ASCII {@code -?[0-9]+(\.[0-9]{1,2})?} (surrounding whitespace ignored), so
 * full-width digits, {@code +100}, {@code 1.500} and {@code -0.00} are refused, as are negative and absurd amounts
 * (above {@link #MAX}), each naming the field at fault.
 */
public final class Money {
    /** The largest amount accepted as input: one trillion yuan (no enforcement claim comes near it). */
    public static final BigDecimal MAX = new BigDecimal("1000000000000.00");
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    /** The one written form of an amount: ASCII digits, at most two decimals (a minus sign is read, then refused). */
    private static final java.util.regex.Pattern SYNTAX = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]{1,2})?");

    private Money() {
    }

    /** Normalises an exact amount to scale 2; refuses a value that would need rounding. */
    public static BigDecimal of(BigDecimal amount) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new ValidationException("INVALID_AMOUNT", null,
                    "Amount " + amount.toPlainString() + " has more than two decimal places (yuan and fen only)");
        }
    }

    public static BigDecimal of(String amount) {
        return parse(amount, null);
    }

    /** Rounds a computed amount (interest, fees) half-up to the fen. */
    public static BigDecimal round(BigDecimal computed) {
        return computed.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Parses and validates an input amount.
     *
     * @param text  the amount as text, e.g. {@code "12500.50"}
     * @param field the field name reported when the amount is refused
     */
    public static BigDecimal parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("MISSING_FIELD", field, "An amount in yuan is required, e.g. \"12500.00\"");
        }
        String t = text.strip();
        if (t.indexOf('e') >= 0 || t.indexOf('E') >= 0) {
            throw new ValidationException("INVALID_AMOUNT", field,
                    "\"" + text + "\" uses exponent notation; write the amount as a plain decimal, e.g. \"12500.00\"");
        }
        if (!SYNTAX.matcher(t).matches()) {
            // full-width digits (１００), a plus sign, a third decimal, separators: each would be read differently
            // by some host, so only the one ASCII form is money
            throw new ValidationException("INVALID_AMOUNT", field, "\"" + text + "\" is not an amount in yuan: write "
                    + "ASCII digits with at most two decimals and no sign, e.g. \"12500.00\"");
        }
        BigDecimal v = new BigDecimal(t);
        if (t.startsWith("-") && v.signum() == 0) {
            throw new ValidationException("NEGATIVE_AMOUNT", field, "\"" + text + "\" is a negative zero; write 0.00");
        }
        return check(v, field);
    }

    /** Validates an amount already parsed: non-negative, at most 2 decimals, at most {@link #MAX}. */
    public static BigDecimal check(BigDecimal v, String field) {
        if (v.signum() < 0) {
            throw new ValidationException("NEGATIVE_AMOUNT", field, "Amount must not be negative: " + v.toPlainString());
        }
        if (v.compareTo(MAX) > 0) {
            throw new ValidationException("ABSURD_AMOUNT", field,
                    "Amount " + v.toPlainString() + " exceeds the plausible maximum of " + MAX.toPlainString() + " yuan");
        }
        if (v.stripTrailingZeros().scale() > 2) {
            throw new ValidationException("INVALID_AMOUNT", field,
                    "Amount " + v.toPlainString() + " has more than two decimal places (yuan and fen only)");
        }
        return v.setScale(2, RoundingMode.UNNECESSARY);
    }
}
