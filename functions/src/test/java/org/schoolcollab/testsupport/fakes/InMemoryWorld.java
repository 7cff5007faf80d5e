package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.OnEoiDecided;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.OnEoiSubmitted;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingService;
import org.schoolcollab.funding.OnCommunityFormed;
import org.schoolcollab.funding.OnRolesRecorded;
import org.schoolcollab.funding.OnSchoolYearStarted;
import org.schoolcollab.grant.GrantService;
import org.schoolcollab.grant.OnGrantAwarded;
import org.schoolcollab.notify.Links;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.NotificationLog;
import org.schoolcollab.plan.OnPlanUploaded;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.report.FundingReportService;
import org.schoolcollab.report.ReportService;
import org.schoolcollab.review.OnPlanDecided;
import org.schoolcollab.review.PlanReviewService;
import org.schoolcollab.review.RoleAllocationService;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.visit.ChallengeVisitService;
import org.schoolcollab.visit.OnChallengeVisitRecorded;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The services and reactions wired as the composition root wires them, over in-memory fakes of every port, a
 * clock the test moves and ids it can predict: the fast tier's world. Each test makes its own.
 */
public final class InMemoryWorld {
    public static final String STAFF = "programme-office@example.govt.nz";
    /** Where mail links point: the web front end. */
    public static final Links LINKS = new Links("https://schools.example.org");

    public final MutableClock clock;
    public final InMemoryEoiStore eois = new InMemoryEoiStore();
    public final InMemoryCommunityStore communityStore = new InMemoryCommunityStore();
    public final InMemoryDecisionStore decisions = new InMemoryDecisionStore(eois, communityStore);
    public final InMemoryFundingStore funding = new InMemoryFundingStore();
    public final InMemoryRolesStore roles = new InMemoryRolesStore();
    public final InMemoryGrantStore grants = new InMemoryGrantStore();
    public final InMemoryPlanStore plans = new InMemoryPlanStore();
    public final InMemoryPlanObjects objects = new InMemoryPlanObjects();
    public final InMemoryVisitStore visits = new InMemoryVisitStore();
    public final InMemoryNotifications notifications = new InMemoryNotifications();
    public final RecordingMailSender mail = new RecordingMailSender();
    public final FundingPolicies policies;
    private final AtomicInteger nextId = new AtomicInteger();

    public InMemoryWorld() {
        this(FundingPolicies.shipped());
    }

    public InMemoryWorld(FundingPolicies policies) {
        this.clock = new MutableClock(Instant.parse("2026-03-02T21:14:05.123Z"));
        this.policies = policies;
    }

    /** Ids in order: 00000000-0000-4000-8000-000000000001, ...02, ... */
    public Supplier<String> ids() {
        return () -> String.format("00000000-0000-4000-8000-%012d", nextId.incrementAndGet());
    }

    public NotificationDelivery delivery() {
        return new NotificationDelivery(notifications, mail, clock);
    }

    public EoiService eoiService() {
        return new EoiService(eois, clock, ids());
    }

    public CommunityFormation formation() {
        return new CommunityFormation(eois, decisions, clock, ids());
    }

    public CommunityService communities() {
        return new CommunityService(communityStore);
    }

    public FundingService fundingService() {
        return new FundingService(communities(), funding, roles, policies);
    }

    public FundingReportService fundingReportService() {
        return new FundingReportService(communities(), funding);
    }

    public GrantService grantService() {
        return new GrantService(communities(), grants, policies, clock, ids());
    }

    public PlanService planService() {
        return new PlanService(communities(), plans, new FakePlanUrls(clock), clock, ids());
    }

    public PlanReviewService planReviewService() {
        return new PlanReviewService(communities(), new InMemoryPlanReviewStore(plans, roles), roles, policies, clock);
    }

    public RoleAllocationService roleAllocationService() {
        return new RoleAllocationService(communities(), plans, roles, policies, clock);
    }

    public ChallengeVisitService visitService() {
        return new ChallengeVisitService(communities(), planService(), visits, clock, ids());
    }

    public ReportService reportService() {
        return new ReportService(new InMemoryReportStore(eois, communityStore, decisions), funding, clock);
    }

    public NotificationLog notificationLog() {
        return new NotificationLog(notifications);
    }

    public OnEoiSubmitted onEoiSubmitted() {
        return new OnEoiSubmitted(delivery(), STAFF, LINKS);
    }

    public OnEoiDecided onEoiDecided() {
        return new OnEoiDecided(delivery(), STAFF, LINKS);
    }

    public OnCommunityFormed onCommunityFormed() {
        return new OnCommunityFormed(policies, funding, clock);
    }

    public OnGrantAwarded onGrantAwarded() {
        return new OnGrantAwarded(policies, funding, delivery(), STAFF, LINKS);
    }

    public OnPlanDecided onPlanDecided() {
        return new OnPlanDecided(communities(), delivery(), STAFF, LINKS);
    }

    public OnRolesRecorded onRolesRecorded() {
        return new OnRolesRecorded(policies, funding, delivery(), STAFF, LINKS);
    }

    public OnSchoolYearStarted onSchoolYearStarted() {
        return new OnSchoolYearStarted(policies, funding, communities(), delivery(), STAFF, LINKS);
    }

    public OnChallengeVisitRecorded onChallengeVisitRecorded() {
        return new OnChallengeVisitRecorded(delivery(), STAFF, LINKS);
    }

    public OnPlanUploaded onPlanUploaded() {
        return new OnPlanUploaded(plans, objects, delivery(), STAFF, LINKS);
    }
}
