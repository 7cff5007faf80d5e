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
     * The community leader role released on endorsement, one line for the role: amount = allowance (to the person,
     * by the leader's school type); quantity = release time in FTTE (to the employing board). Its induction and
     * networking money is a {@link #ROLE_INDUCTION_AND_NETWORKING} line. See {@link RoleFunding}.
     */
    COMMUNITY_LEADER_ROLE,
    /** One across-school teacher role released on endorsement, modelled as {@link #COMMUNITY_LEADER_ROLE}. */
    ACROSS_SCHOOL_TEACHER_ROLE,
    /** One within-school teacher role released on endorsement, modelled as {@link #COMMUNITY_LEADER_ROLE}. */
    WITHIN_SCHOOL_TEACHER_ROLE,
    /** A released role's induction and networking money, paid to the role's employing board: one line per role. */
    ROLE_INDUCTION_AND_NETWORKING,
    /** Money to each member school each year after the year its community formed. See {@link MaintenanceAllowance}. */
    MAINTENANCE_ALLOWANCE
}
