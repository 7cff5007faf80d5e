package org.schoolcollab.testsupport;


import org.schoolcollab.api.AwardGrantRequest;
import org.schoolcollab.api.DecideEoiRequest;
import org.schoolcollab.api.DecidePlanRequest;
import org.schoolcollab.api.EoiJson;
import org.schoolcollab.api.JsonBody;
import org.schoolcollab.api.Queries;
import org.schoolcollab.api.RecordChallengeVisitRequest;
import org.schoolcollab.api.RegisterPlanRequest;
import org.schoolcollab.api.RoleAllocationRequest;
import org.schoolcollab.api.SubmitEoiRequest;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.grant.Grant;
import org.schoolcollab.grant.GrantService;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.report.ProgrammeSummary;
import org.schoolcollab.report.ReportService;
import org.schoolcollab.review.PlanReviewService;
import org.schoolcollab.review.RoleAllocationService;
import org.schoolcollab.visit.ChallengeVisit;
import org.schoolcollab.visit.ChallengeVisitService;

import java.util.Optional;

/**
 * Service calls as the HTTP handlers make them: who may act is checked first, the body is read by the route's own
 * request reader, then the service acts. Tests that set data up through the services use these, so what they store
 * is what a request would have stored.
 */
public final class Requests {
    private Requests() {}

    /** What POST /expressions-of-interest answers: status, body and location, and whether it was a replay. */
    public record Answer(int status, String body, String location, boolean replayed) {
        public String id() {
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    public static Answer submit(EoiService service, Actor actor, String body, Optional<String> idempotencyKey) {
        actor.requireSchoolUser();
        EoiService.Submitted s = service.submit(actor, SubmitEoiRequest.read(body, idempotencyKey));
        return new Answer(201, Json.write(EoiJson.full(s.eoi())), "/expressions-of-interest/" + s.eoi().id(),
                s.replayed());
    }

    public static EoiDecision decide(CommunityFormation service, Actor actor, String eoiId, String body) {
        actor.requireStaff();
        return service.decide(actor, DecideEoiRequest.read(eoiId, JsonBody.object(body)));
    }

    public static PlanService.Registered register(PlanService service, Actor actor, String communityId, String body) {
        PlanService.requireMayRegister(actor);
        var root = JsonBody.object(body);
        return service.register(actor, communityId, community -> RegisterPlanRequest.read(root, community.programme()));
    }

    public static PlanDecision decide(PlanReviewService service, Actor actor, String communityId, String planId,
                                      String body) {
        actor.requireStaff();
        var root = JsonBody.object(body);
        return service.decide(actor, communityId, planId, community -> DecidePlanRequest.read(root, community));
    }

    /** POST /communities/{id}/role-allocation: staff record a community's roles after its endorsement. */
    public static RolesRecorded recordRoles(RoleAllocationService service, Actor actor, String communityId, String body) {
        actor.requireStaff();
        var root = JsonBody.object(body);
        return service.record(actor, communityId, community -> RoleAllocationRequest.read(root, community));
    }

    public static ChallengeVisit record(ChallengeVisitService service, Actor actor, String communityId, String body) {
        actor.requireStaff();
        var root = JsonBody.object(body);
        return service.record(actor, communityId, rules -> RecordChallengeVisitRequest.read(root, rules));
    }

    public static Grant award(GrantService service, Actor actor, String communityId, String body) {
        actor.requireStaff();
        var root = JsonBody.object(body);
        return service.award(actor, communityId, rules -> AwardGrantRequest.read(root, rules));
    }

    public static ProgrammeSummary summary(ReportService service, Actor actor, Optional<String> programme,
                                           Optional<String> wave) {
        actor.requireStaff();
        Queries.Summary query = Queries.summary(programme, wave);
        return service.summary(actor, query.programme(), query.wave());
    }

    /** GET /expressions-of-interest with these query parameters. */
    public static Page<ExpressionOfInterest> list(EoiService service, Actor actor, Optional<String> status,
                                                  Optional<String> limit, Optional<String> nextToken) {
        EoiService.requireMayList(actor);
        return service.list(actor, Queries.status(status, EoiStatus.class), Queries.page(limit, nextToken));
    }
}
