package org.schoolcollab.visit;

/** What a challenge visit found: the action plan is on track, or it must change (a new plan version is asked for). */
public enum VisitOutcome {
    ON_TRACK, CHANGES_REQUIRED
}
