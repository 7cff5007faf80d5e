package org.schoolcollab.grant;

import org.schoolcollab.kernel.Money;

import java.util.Objects;

/** Staff award a community a grant: a purpose its programme's policy names, an amount in its currency, a note. */
public record AwardGrant(String purpose, Money amount, String description) {
    public static final int MAX_DESCRIPTION = 2_000;

    public AwardGrant {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(amount, "amount");
    }
}
