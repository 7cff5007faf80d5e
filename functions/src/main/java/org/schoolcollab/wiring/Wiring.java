package org.schoolcollab.wiring;

import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.CommunityStore;
import org.schoolcollab.community.OnEoiDecided;
import org.schoolcollab.community.adapters.DynamoCommunityStore;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.EoiStore;
import org.schoolcollab.eoi.OnEoiSubmitted;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingService;
import org.schoolcollab.funding.FundingStore;
import org.schoolcollab.funding.OnCommunityFormed;
import org.schoolcollab.funding.OnRolesRecorded;
import org.schoolcollab.funding.OnSchoolYearStarted;
import org.schoolcollab.funding.RolesStore;
import org.schoolcollab.funding.adapters.DynamoFundingStore;
import org.schoolcollab.funding.adapters.DynamoRolesStore;
import org.schoolcollab.grant.GrantService;
import org.schoolcollab.grant.OnGrantAwarded;
import org.schoolcollab.grant.adapters.DynamoGrantStore;
import org.schoolcollab.notify.Links;
import org.schoolcollab.notify.MailSender;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.NotificationLog;
import org.schoolcollab.notify.adapters.DynamoNotificationLogStore;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.notify.adapters.SesMailSender;
import org.schoolcollab.plan.OnPlanUploaded;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.plan.PlanStore;
import org.schoolcollab.plan.adapters.DynamoPlanStore;
import org.schoolcollab.plan.adapters.S3PlanObjects;
import org.schoolcollab.plan.adapters.S3PlanUrls;
import org.schoolcollab.report.FundingReportService;
import org.schoolcollab.report.ReportService;
import org.schoolcollab.report.adapters.DynamoReportStore;
import org.schoolcollab.review.OnPlanDecided;
import org.schoolcollab.review.PlanReviewService;
import org.schoolcollab.review.RoleAllocationService;
import org.schoolcollab.review.adapters.DynamoPlanReviewStore;
import org.schoolcollab.visit.ChallengeVisitService;
import org.schoolcollab.visit.OnChallengeVisitRecorded;
import org.schoolcollab.visit.adapters.DynamoVisitStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The composition root: every service, reaction, store and client a function uses, built from the function's
 * environment once per container (a Lambda execution environment lives for many invocations) and only when first
 * asked for, so a function builds what it uses and nothing else. Handlers' no-argument constructors take their
 * service from {@link #production()}; tests pass their own through the other constructor.
 */
public final class Wiring {
    private static volatile Wiring production;

    private final Clock clock = Clock.systemUTC();
    private final Once<String> table = once(() -> Env.require("TABLE_NAME"));
    private final Once<String> staffAddress = once(() -> Env.require("STAFF_NOTIFICATION_EMAIL"));
    /** Mail links to the web front end's pages: its origin (the site's in AWS, the runner's locally). */
    private final Once<Links> links = once(() -> new Links(Env.require("WEB_ORIGIN")));

    // Stores: one per container, over the one DynamoDB client (AwsClients).
    private final Once<EoiStore> eoiStore = once(() -> new DynamoEoiStore(dynamo(), table.get()));
    private final Once<CommunityStore> communityStore = once(() -> new DynamoCommunityStore(dynamo(), table.get()));
    private final Once<FundingStore> fundingStore = once(() -> new DynamoFundingStore(dynamo(), table.get()));
    private final Once<RolesStore> rolesStore = once(() -> new DynamoRolesStore(dynamo(), table.get()));
    private final Once<PlanStore> planStore = once(() -> new DynamoPlanStore(dynamo(), table.get()));
    private final Once<NotificationDelivery> delivery = once(() -> new NotificationDelivery(
            new DynamoNotificationStore(dynamo(), table.get()), mailSender(), clock));

    // Services behind the HTTP routes.
    private final Once<EoiService> eoiService = once(() -> new EoiService(eoiStore.get(), clock));
    private final Once<CommunityFormation> communityFormation = once(() -> new CommunityFormation(eoiStore.get(),
            new DynamoDecisionStore(dynamo(), table.get()), clock));
    private final Once<CommunityService> communityService = once(() -> new CommunityService(communityStore.get()));
    private final Once<FundingService> fundingService = once(() -> new FundingService(communityService.get(),
            fundingStore.get(), rolesStore.get(), FundingPolicies.shipped()));
    private final Once<FundingReportService> fundingReportService = once(() -> new FundingReportService(
            communityService.get(), fundingStore.get()));
    private final Once<GrantService> grantService = once(() -> new GrantService(communityService.get(),
            new DynamoGrantStore(dynamo(), table.get()), FundingPolicies.shipped(), clock));
    private final Once<PlanService> planService = once(() -> new PlanService(communityService.get(), planStore.get(),
            new S3PlanUrls(AwsClients.s3Presigner(), Env.require("PLANS_BUCKET")), clock));
    private final Once<PlanReviewService> planReviewService = once(() -> new PlanReviewService(communityService.get(),
            new DynamoPlanReviewStore(dynamo(), table.get()), rolesStore.get(), FundingPolicies.shipped(), clock));
    private final Once<RoleAllocationService> roleAllocationService = once(() -> new RoleAllocationService(
            communityService.get(), planStore.get(), rolesStore.get(), FundingPolicies.shipped(), clock));
    private final Once<ChallengeVisitService> challengeVisitService = once(() -> new ChallengeVisitService(
            communityService.get(), planService.get(), new DynamoVisitStore(dynamo(), table.get()), clock));
    private final Once<ReportService> reportService = once(() -> new ReportService(
            new DynamoReportStore(dynamo(), table.get()), fundingStore.get(), clock));
    private final Once<NotificationLog> notificationLog = once(() -> new NotificationLog(
            new DynamoNotificationLogStore(dynamo(), table.get())));

    // Reactions to the table's stream and the plans bucket.
    private final Once<OnEoiSubmitted> onEoiSubmitted = once(() -> new OnEoiSubmitted(delivery.get(), staffAddress.get(),
            links.get()));
    private final Once<OnEoiDecided> onEoiDecided = once(() -> new OnEoiDecided(delivery.get(), staffAddress.get(),
            links.get()));
    private final Once<OnCommunityFormed> onCommunityFormed = once(() -> new OnCommunityFormed(FundingPolicies.shipped(),
            fundingStore.get(), clock));
    private final Once<OnGrantAwarded> onGrantAwarded = once(() -> new OnGrantAwarded(FundingPolicies.shipped(),
            fundingStore.get(), delivery.get(), staffAddress.get(), links.get()));
    private final Once<OnPlanDecided> onPlanDecided = once(() -> new OnPlanDecided(communityService.get(),
            delivery.get(), staffAddress.get(), links.get()));
    private final Once<OnRolesRecorded> onRolesRecorded = once(() -> new OnRolesRecorded(FundingPolicies.shipped(),
            fundingStore.get(), delivery.get(), staffAddress.get(), links.get()));
    private final Once<OnSchoolYearStarted> onSchoolYearStarted = once(() -> new OnSchoolYearStarted(
            FundingPolicies.shipped(), fundingStore.get(), communityService.get(), delivery.get(), staffAddress.get(),
            links.get()));
    private final Once<OnChallengeVisitRecorded> onChallengeVisitRecorded = once(() -> new OnChallengeVisitRecorded(
            delivery.get(), staffAddress.get(), links.get()));
    // The bucket comes with each S3 record: the function needs no PLANS_BUCKET (it would be a template cycle).
    private final Once<OnPlanUploaded> onPlanUploaded = once(() -> new OnPlanUploaded(planStore.get(),
            new S3PlanObjects(AwsClients.s3()), delivery.get(), staffAddress.get(), links.get()));

    private Wiring() {}

    /** The container's object graph, from its environment. */
    public static Wiring production() {
        Wiring w = production;
        if (w == null) {
            synchronized (Wiring.class) {
                w = production;
                if (w == null) {
                    production = w = new Wiring();
                }
            }
        }
        return w;
    }

    /**
     * Forgets the graph, so handlers built from now on read the environment again. For a host that runs every
     * function in one JVM and may restart them with another environment: the local runner. SDK clients are kept.
     */
    public static synchronized void reload() {
        production = null;
    }

    public EoiService eoiService() { return eoiService.get(); }
    public CommunityFormation communityFormation() { return communityFormation.get(); }
    public CommunityService communityService() { return communityService.get(); }
    public FundingService fundingService() { return fundingService.get(); }
    public FundingReportService fundingReportService() { return fundingReportService.get(); }
    public GrantService grantService() { return grantService.get(); }
    public PlanService planService() { return planService.get(); }
    public PlanReviewService planReviewService() { return planReviewService.get(); }
    public RoleAllocationService roleAllocationService() { return roleAllocationService.get(); }
    public ChallengeVisitService challengeVisitService() { return challengeVisitService.get(); }
    public ReportService reportService() { return reportService.get(); }
    public NotificationLog notificationLog() { return notificationLog.get(); }

    public OnEoiSubmitted onEoiSubmitted() { return onEoiSubmitted.get(); }
    public OnEoiDecided onEoiDecided() { return onEoiDecided.get(); }
    public OnCommunityFormed onCommunityFormed() { return onCommunityFormed.get(); }
    public OnGrantAwarded onGrantAwarded() { return onGrantAwarded.get(); }
    public OnPlanDecided onPlanDecided() { return onPlanDecided.get(); }
    public OnRolesRecorded onRolesRecorded() { return onRolesRecorded.get(); }
    public OnSchoolYearStarted onSchoolYearStarted() { return onSchoolYearStarted.get(); }
    public OnChallengeVisitRecorded onChallengeVisitRecorded() { return onChallengeVisitRecorded.get(); }
    public OnPlanUploaded onPlanUploaded() { return onPlanUploaded.get(); }

    private static DynamoDbClient dynamo() {
        return AwsClients.dynamoDb();
    }

    /** SES in AWS; the local runner sets MAIL_ADAPTER=outbox and OUTBOX_DIR. */
    private static MailSender mailSender() {
        String from = Env.require("SENDER_EMAIL");
        return switch (Env.find("MAIL_ADAPTER").orElse("ses")) {
            case "outbox" -> new OutboxMailSender(Path.of(Env.require("OUTBOX_DIR")), from);
            case "ses" -> new SesMailSender(AwsClients.ses(), from, Env.find("SES_CONFIGURATION_SET").orElse(null));
            default -> throw new IllegalStateException("MAIL_ADAPTER must be ses or outbox");
        };
    }

    private static <T> Once<T> once(Supplier<T> build) {
        return new Once<>(build);
    }

    /** A value built on first use, once, even when two threads ask at the same moment. */
    private static final class Once<T> {
        private final Supplier<T> build;
        private volatile T value;

        Once(Supplier<T> build) {
            this.build = build;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        value = v = build.get();
                    }
                }
            }
            return v;
        }
    }
}
