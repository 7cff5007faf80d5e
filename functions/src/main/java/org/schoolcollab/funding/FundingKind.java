package org.schoolcollab.funding;

/** What a funding line pays for. Add a kind with the rule that produces it. */
public enum FundingKind {
    /** Money to each member school when the community's formation is approved. */
    FORMATION_ALLOWANCE,
    /** Paid teacher inquiry time for a school, in hours a year: time, not money. */
    INQUIRY_HOURS,
    /** Money awarded to a community by staff for a purpose (courses, employer engagement, ...). */
    GRANT
}
