package org.schoolcollab.plan;

import org.schoolcollab.kernel.ChallengeArea;

/** One achievement challenge (kahui-ako) or improvement priority (school-improvement) the plan commits to. */
public record AchievementChallenge(ChallengeArea area, String description, String measure) {}
