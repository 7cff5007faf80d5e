package org.schoolcollab.plan;

import org.schoolcollab.kernel.Programme;

import java.util.List;

/**
 * A member school registers a new version of its community's plan: the file it will upload (name, declared type and
 * size, to which the presigned upload is bound and against which the stored file is checked) and the achievement
 * challenges (kahui-ako) or improvement priorities (school-improvement) the plan commits to.
 */
public record RegisterPlan(String fileName, PlanFileType fileType, long sizeBytes,
                           List<AchievementChallenge> achievementChallenges) {
    public static final long MAX_SIZE_BYTES = 25L * 1024 * 1024;
    public static final int MAX_FILE_NAME = 255;
    public static final int MIN_KAHUI_AKO_CHALLENGES = 3;
    public static final int MAX_KAHUI_AKO_CHALLENGES = 5;
    public static final int MIN_PRIORITIES = 1;
    public static final int MAX_PRIORITIES = 10;
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_MEASURE = 1_000;

    public RegisterPlan {
        achievementChallenges = List.copyOf(achievementChallenges);
    }

    /** How few challenges a plan of this programme names: a Kāhui Ako sets 3 to 5 (FACTS.md §1.4). */
    public static int minChallenges(Programme programme) {
        return programme == Programme.KAHUI_AKO ? MIN_KAHUI_AKO_CHALLENGES : MIN_PRIORITIES;
    }

    public static int maxChallenges(Programme programme) {
        return programme == Programme.KAHUI_AKO ? MAX_KAHUI_AKO_CHALLENGES : MAX_PRIORITIES;
    }
}
