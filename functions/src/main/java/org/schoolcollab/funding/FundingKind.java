package org.schoolcollab.funding;

/** What a funding line pays for. Add a kind with the rule that produces it. */
public enum FundingKind {
    /** Money to each member school when the community's formation is approved. */
    FORMATION_ALLOWANCE,
    /** Paid teacher inquiry time for a school, in hours a year: time, not money. */
    INQUIRY_HOURS,
    /** Money awarded to a community by staff for a purpose (courses, employer engagement, ...). */
    GRANT,
    /**
     * The community leader role released on endorsement, one line for the role: amount = allowance (to the
     * person, by the leader's school type) + induction/networking (to the employing board); quantity = release
     * time in FTTE (to the employing board). The inputs itemise each part. See {@link RoleFunding}.
     */
    COMMUNITY_LEADER_ROLE,
    /** One across-school teacher role released on endorsement, modelled as {@link #COMMUNITY_LEADER_ROLE}. */
    ACROSS_SCHOOL_TEACHER_ROLE,
    /** One within-school teacher role released on endorsement, modelled as {@link #COMMUNITY_LEADER_ROLE}. */
    WITHIN_SCHOOL_TEACHER_ROLE
}
