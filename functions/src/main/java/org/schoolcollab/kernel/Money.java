package org.schoolcollab.kernel;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in one currency, held to the cent. Never built from a float: there is no double factory,
 * and a {@code BigDecimal} made from a double (0.1 becomes 0.1000000000000000055…) has more than two decimals
 * and is refused rather than rounded, so a float cannot slip in unnoticed.
 */
public record Money(BigDecimal amount, String currency) {
    public static final int SCALE = 2;
    /** Plain decimal notation only: no exponent, no sign other than minus, at most two decimals. */
    private static final Pattern DECIMAL = Pattern.compile("^-?[0-9]{1,15}(\\.[0-9]{1,2})?$");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        requireIsoCurrency(currency);
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("money has at most " + SCALE + " decimal places, got "
                    + amount.toPlainString() + " " + currency + " (never rounded silently; was it made from a double?)");
        }
        amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** From a decimal string as stored and sent ("1000.00", "12000", "0.5"). */
    public static Money of(String decimal, String currency) {
        Objects.requireNonNull(decimal, "decimal");
        if (!DECIMAL.matcher(decimal).matches()) {
            throw new IllegalArgumentException("not a decimal amount with at most " + SCALE + " decimal places: '"
                    + decimal + "'");
        }
        return new Money(new BigDecimal(decimal), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other + " to " + this + ": currencies differ");
        }
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** The amount as a decimal string with two places, the form funding records store ("1000.00"). */
    public String value() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return value() + " " + currency;
    }

    /** ISO 4217: three capital letters the JDK knows as a currency ("NZ$" and "XYZ" are refused). */
    public static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("^[A-Z]{3}$")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireIsoCurrency(String code) {
        if (!isIsoCurrency(code)) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code of 3 capital letters, got '" + code + "'");
        }
    }
}
