package org.schoolcollab.visit;

import java.util.List;
import java.util.Optional;

public interface VisitStore {
    /** The plan of this community with this id, if there is one. */
    Optional<PlanVersion> findPlan(String communityId, String planId);

    /** Writes the visit record; it is never updated afterwards. */
    void create(ChallengeVisit visit);

    /** The community's visits, newest first: by visit date, then by when they were recorded. */
    List<ChallengeVisit> list(String communityId);
}
