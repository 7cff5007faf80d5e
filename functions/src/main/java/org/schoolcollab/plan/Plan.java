package org.schoolcollab.plan;

import org.schoolcollab.kernel.Programme;

import java.time.Instant;
import java.util.List;

/**
 * A version of a community's plan: registered before its file is uploaded (AWAITING_UPLOAD), then RECEIVED or
 * REJECTED by the checks of the stored file. {@code objectETag} and {@code objectVersionId} name the object that
 * was checked (null until then; the version id only where the bucket keeps versions); a download is of that
 * version. {@code rejectedObjectKey} is set once a rejected file has been moved out of the plans prefix.
 */
public record Plan(String planId, String communityId, Programme programme, String communityName, int version,
                   PlanStatus status, String fileName, PlanFileType fileType, long sizeBytes, String objectKey,
                   List<AchievementChallenge> achievementChallenges, String registeredBySub,
                   String registeredByEmail, Instant registeredAt, Instant receivedAt, Instant rejectedAt,
                   String rejectionReason, String objectETag, String objectVersionId, String rejectedObjectKey) {
    public Plan {
        achievementChallenges = List.copyOf(achievementChallenges);
    }

    /** A new registration, before a version number is allocated (version 0). */
    public static Plan registered(String planId, String communityId, Programme programme, String communityName,
                                  String fileName, PlanFileType fileType, long sizeBytes, String objectKey,
                                  List<AchievementChallenge> challenges, String bySub, String byEmail, Instant at) {
        return new Plan(planId, communityId, programme, communityName, 0, PlanStatus.AWAITING_UPLOAD, fileName,
                fileType, sizeBytes, objectKey, challenges, bySub, byEmail, at, null, null, null, null, null, null);
    }

    public Plan withVersion(int version) {
        return new Plan(planId, communityId, programme, communityName, version, status, fileName, fileType,
                sizeBytes, objectKey, achievementChallenges, registeredBySub, registeredByEmail, registeredAt,
                receivedAt, rejectedAt, rejectionReason, objectETag, objectVersionId, rejectedObjectKey);
    }
}
