package org.schoolcollab.funding;

import org.schoolcollab.community.Community;
import org.schoolcollab.kernel.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A community's funding as its schools and staff read it: where each kind of funding stands, in words; every record;
 * the money by kind and currency, and by school year; the time (inquiry hours, release time) by kind and units; and
 * the released roles counted as roles. Totals are sorted by kind, then currency or units (by year first).
 */
public record CommunityFunding(Community community, List<Status> status, List<FundingRecord> records,
                               List<MoneyTotal> totals, List<YearTotal> yearTotals, List<TimeTotal> timeTotals,
                               RoleCounts roles) {
    public CommunityFunding {
        status = List.copyOf(status);
        records = List.copyOf(records);
        totals = List.copyOf(totals);
        yearTotals = List.copyOf(yearTotals);
        timeTotals = List.copyOf(timeTotals);
        Objects.requireNonNull(roles, "roles");
    }

    /** What a kind of funding is, as a community is told where it stands. */
    public enum Part { FORMATION_ALLOWANCE, ROLES, INQUIRY_HOURS, MAINTENANCE_ALLOWANCE, GRANTS }

    /**
     * Where it stands: RELEASED (its records are made), RELEASING (recorded, its records being made now),
     * AWAITING_ALLOCATION (endorsed, the roles not yet recorded by staff), NOT_YET (what releases it has not happened).
     */
    public enum State { RELEASED, RELEASING, AWAITING_ALLOCATION, NOT_YET }

    /** @param sentence the state in words a school can read, with what happens next */
    public record Status(Part part, State state, String sentence) {}

    public record MoneyTotal(FundingKind kind, Money total) {}

    public record YearTotal(int year, FundingKind kind, Money total) {}

    public record TimeTotal(FundingKind kind, String units, BigDecimal quantity) {}

    /** The released roles as roles: how many of each. */
    public record RoleCounts(int communityLeader, int acrossSchool, int withinSchool) {}
}
