package org.schoolcollab.plan;

import java.util.List;

/** A validated body of POST /communities/{id}/plans. */
public record PlanRequest(String fileName, PlanFileType fileType, long sizeBytes,
                          List<AchievementChallenge> achievementChallenges) {
    public PlanRequest {
        achievementChallenges = List.copyOf(achievementChallenges);
    }
}
