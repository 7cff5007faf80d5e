package org.schoolcollab.community;

import org.schoolcollab.eoi.ExpressionOfInterest;

import java.util.Optional;

/** Where staff's decisions on applications are recorded, with the community an approval forms. */
public interface DecisionStore {
    /**
     * Records the decision, moves the application out of SUBMITTED, and either forms the community (the schools'
     * claims now name it) or frees the schools' claims: one transaction, conditional on the application being
     * SUBMITTED.
     *
     * @throws AlreadyDecidedException when it was decided first by someone else
     */
    void recordDecision(ExpressionOfInterest eoi, EoiDecision decision, Optional<Community> community);

    final class AlreadyDecidedException extends RuntimeException {
        public AlreadyDecidedException() {
            super("the expression of interest is no longer SUBMITTED");
        }
    }
}
