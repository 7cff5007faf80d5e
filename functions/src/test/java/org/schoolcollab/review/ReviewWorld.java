package org.schoolcollab.review;

import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.plan.AchievementChallenge;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.plan.adapters.PlanItemMapper;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Requests;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Test set-up for plan review: an approved community, and plan versions written as the upload flow leaves them. */
final class ReviewWorld {
    static final Actor STAFF = new Actor("staff-review", "reviewer@example.govt.nz", Set.of("staff"), Optional.empty());

    private ReviewWorld() {}

    /** Approves an application of these schools (first one submits) and returns the community id. */
    static String community(String table, MutableClock clock, String programme, String communityId, String... schools) {
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        Actor school = new Actor("sub-" + schools[0], "contact@example.school.nz", Set.of("school"), Optional.of(schools[0]));
        var body = EoiBodies.withSchools("Ōtaki Kāhui Ako", schools);
        body.put("programme", programme);
        var submitted = Requests.submit(new EoiService(store, clock), school, EoiBodies.text(body), Optional.empty());
        String eoiId = submitted.location().substring(submitted.location().lastIndexOf('/') + 1);
        return Requests.decide(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock, () -> communityId), STAFF, eoiId, "{\"decision\":\"APPROVED\"}")
                .communityId();
    }

    static void plan(String table, MutableClock clock, String communityId, String planId, int version, PlanStatus status) {
        String key = "plans/" + communityId + "/" + planId + "/plan.pdf";
        Plan registered = Plan.registered(planId, communityId, org.schoolcollab.kernel.Programme.KAHUI_AKO, "Ōtaki Kāhui Ako",
                "plan.pdf", PlanFileType.PDF, 1000, key,
                List.of(new AchievementChallenge(ChallengeArea.ATTENDANCE, "Attendance", "Weekly rate"),
                        new AchievementChallenge(ChallengeArea.WELLBEING, "Wellbeing", "Survey"),
                        new AchievementChallenge(ChallengeArea.TRANSITIONS, "Transitions", "Year 9 retention")),
                "sub-x", "contact@example.school.nz", clock.instant());
        Plan p = new Plan(planId, communityId, registered.programme(), registered.communityName(), version, status,
                registered.fileName(), registered.fileType(), registered.sizeBytes(), key, registered.achievementChallenges(),
                registered.registeredBySub(), registered.registeredByEmail(), registered.registeredAt(),
                status == PlanStatus.AWAITING_UPLOAD ? null : clock.instant(), null, null, null, null, null);
        DynamoDbLocal.client().putItem(b -> b.tableName(table).item(PlanItemMapper.toItem(p)));
    }
}
