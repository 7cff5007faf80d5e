package org.schoolcollab.grant;

import org.schoolcollab.community.Community;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a grant to this community must be, from its programme's funding policy: one of the purposes it names, in its
 * currency, more than nothing and at most {@link #MAX_AMOUNT}.
 */
public record GrantRules(Community community, List<String> purposes, String currency) {
    /** A sanity bound on one grant, far above any real programme's figure (Dorset's whole fund was £100,000). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000.00");

    public GrantRules {
        purposes = List.copyOf(purposes);
    }
}
