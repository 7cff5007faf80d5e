package org.schoolcollab.kernel;

/** Achievement-challenge areas named by the Kāhui Ako guidance (FACTS.md §1.4); also used for cluster priorities. */
public enum ChallengeArea {
    ATTENDANCE, ENGAGEMENT, ACHIEVEMENT, TRANSITIONS, WELLBEING
}
