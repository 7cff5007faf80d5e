package org.schoolcollab.visit;

import java.util.List;

/** Where challenge visits are recorded, in their cluster's partition. */
public interface VisitStore {
    /** Writes the visit record; it is never updated afterwards. */
    void create(ChallengeVisit visit);

    /** The community's visits, newest first: by visit date, then by when they were recorded. */
    List<ChallengeVisit> list(String communityId);
}
