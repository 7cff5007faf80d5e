package org.schoolcollab.funding;

import org.schoolcollab.kernel.Money;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One computed entitlement, before it is stored as a funding record. It carries everything an auditor needs to
 * recompute it: the policy id and version, and the inputs (rates, counts, the school) it was computed from.
 *
 * @param recipientSchoolNumber the school paid, or null where the line is for the community as a whole
 * @param amount   money, or null where the entitlement is time (inquiry hours)
 * @param quantity how many {@code units}, or null where the line is money only
 * @param units    what {@code quantity} counts ("HOURS", "FTTE"), or null with it
 * @param period   when it applies, as the policy words it ("ON_APPROVAL", "YEAR")
 * @param inputs   what it was computed from, as strings (decimals in plain notation), in a stable order
 */
public record FundingLine(FundingKind kind, String recipientSchoolNumber, Money amount, BigDecimal quantity,
                          String units, String period, String policyId, String policyVersion,
                          Map<String, String> inputs) {
    public FundingLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(inputs, "inputs");
        if (amount == null && quantity == null) {
            throw new IllegalArgumentException(kind + ": a funding line needs an amount, a quantity, or both");
        }
        if ((quantity == null) != (units == null)) {
            throw new IllegalArgumentException(kind + ": quantity and units go together");
        }
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /** The same line with more inputs (who recorded what it follows from), after its own. */
    public FundingLine withInputs(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(inputs);
        all.putAll(more);
        return new FundingLine(kind, recipientSchoolNumber, amount, quantity, units, period, policyId, policyVersion, all);
    }

    /** The money of lines in one currency (a release, a year's allowance); the lines must carry an amount. */
    public static Money total(List<FundingLine> lines) {
        return lines.stream().map(FundingLine::amount).reduce(Money::plus).orElseThrow();
    }
}
