package org.schoolcollab.funding;

import org.schoolcollab.community.Community;
import org.schoolcollab.kernel.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * A community's funding as its schools and staff read it: every record, the money by kind and currency, and the
 * time (inquiry hours, release time) by kind and units. Totals are sorted by kind, then currency or units.
 */
public record CommunityFunding(Community community, List<FundingRecord> records, List<MoneyTotal> totals,
                               List<TimeTotal> timeTotals) {
    public CommunityFunding {
        records = List.copyOf(records);
        totals = List.copyOf(totals);
        timeTotals = List.copyOf(timeTotals);
    }

    public record MoneyTotal(FundingKind kind, Money total) {}

    public record TimeTotal(FundingKind kind, String units, BigDecimal quantity) {}
}
