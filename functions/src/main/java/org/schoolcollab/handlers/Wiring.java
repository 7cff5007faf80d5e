package org.schoolcollab.handlers;

import org.schoolcollab.common.AwsClients;
import org.schoolcollab.common.Env;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.DynamoCommunityStore;
import org.schoolcollab.eoi.DynamoEoiStore;
import org.schoolcollab.funding.DynamoFundingStore;
import org.schoolcollab.funding.FormationFunding;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingService;
import org.schoolcollab.grant.DynamoGrantStore;
import org.schoolcollab.grant.GrantAwarded;
import org.schoolcollab.grant.GrantService;
import org.schoolcollab.eoi.EoiDecisionService;
import org.schoolcollab.notify.DecisionNotifier;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.notify.DynamoNotificationStore;
import org.schoolcollab.notify.EoiNotifier;
import org.schoolcollab.notify.MailSender;
import org.schoolcollab.notify.OutboxMailSender;
import org.schoolcollab.notify.SesMailSender;

import java.nio.file.Path;
import java.time.Clock;

/** Builds the production object graph from the function's environment (the no-argument constructors' path). */
final class Wiring {
    private Wiring() {}

    static String table() {
        return Env.require("TABLE_NAME");
    }

    static EoiService eoiService() {
        return new EoiService(new DynamoEoiStore(AwsClients.dynamoDb(), table()), Clock.systemUTC());
    }

    static EoiDecisionService eoiDecisionService() {
        return new EoiDecisionService(new DynamoEoiStore(AwsClients.dynamoDb(), table()), Clock.systemUTC());
    }

    static CommunityService communityService() {
        return new CommunityService(new DynamoCommunityStore(AwsClients.dynamoDb(), table()));
    }

    static DecisionNotifier decisionNotifier() {
        return new DecisionNotifier(new NotificationDelivery(new DynamoNotificationStore(AwsClients.dynamoDb(), table()),
                mailSender(), Clock.systemUTC()), Env.require("STAFF_NOTIFICATION_EMAIL"));
    }

    static FormationFunding formationFunding() {
        return new FormationFunding(FundingPolicies.shipped(), new DynamoFundingStore(AwsClients.dynamoDb(), table()),
                Clock.systemUTC());
    }

    static FundingService fundingService() {
        return new FundingService(communityService(), new DynamoFundingStore(AwsClients.dynamoDb(), table()));
    }

    static GrantService grantService() {
        return new GrantService(communityService(),
                new DynamoGrantStore(AwsClients.dynamoDb(), table()), FundingPolicies.shipped(),
                Clock.systemUTC());
    }

    static GrantAwarded grantAwarded() {
        return new GrantAwarded(FundingPolicies.shipped(),
                new DynamoFundingStore(AwsClients.dynamoDb(), table()),
                new NotificationDelivery(new DynamoNotificationStore(AwsClients.dynamoDb(), table()), mailSender(),
                        Clock.systemUTC()), Env.require("STAFF_NOTIFICATION_EMAIL"));
    }

    static org.schoolcollab.visit.DynamoVisitStore visitStore() {
        return new org.schoolcollab.visit.DynamoVisitStore(AwsClients.dynamoDb(), table());
    }

    static org.schoolcollab.visit.ChallengeVisitService challengeVisitService() {
        return new org.schoolcollab.visit.ChallengeVisitService(communityService(), visitStore(), Clock.systemUTC());
    }

    static org.schoolcollab.visit.ChallengeVisitRecorded challengeVisitRecorded() {
        return new org.schoolcollab.visit.ChallengeVisitRecorded(
                new NotificationDelivery(new DynamoNotificationStore(AwsClients.dynamoDb(), table()), mailSender(),
                        Clock.systemUTC()), Env.require("STAFF_NOTIFICATION_EMAIL"));
    }

    static org.schoolcollab.report.ReportService reportService() {
        return new org.schoolcollab.report.ReportService(
                new org.schoolcollab.report.DynamoReportStore(AwsClients.dynamoDb(), table()),
                new DynamoFundingStore(AwsClients.dynamoDb(), table()), Clock.systemUTC());
    }

    static org.schoolcollab.review.PlanReviewService planReviewService() {
        return new org.schoolcollab.review.PlanReviewService(communityService(),
                new org.schoolcollab.review.DynamoPlanReviewStore(AwsClients.dynamoDb(), table()), Clock.systemUTC());
    }

    static org.schoolcollab.review.PlanDecided planDecided() {
        return new org.schoolcollab.review.PlanDecided(FundingPolicies.shipped(),
                new DynamoFundingStore(AwsClients.dynamoDb(), table()), new DynamoCommunityStore(AwsClients.dynamoDb(), table()),
                new NotificationDelivery(new DynamoNotificationStore(AwsClients.dynamoDb(), table()), mailSender(),
                        Clock.systemUTC()), Env.require("STAFF_NOTIFICATION_EMAIL"));
    }

    static EoiNotifier eoiNotifier() {
        return new EoiNotifier(new DynamoNotificationStore(AwsClients.dynamoDb(), table()), mailSender(),
                Env.require("STAFF_NOTIFICATION_EMAIL"), Clock.systemUTC());
    }

    static org.schoolcollab.notify.NotificationLog notificationLog() {
        return new org.schoolcollab.notify.NotificationLog(
                new org.schoolcollab.notify.DynamoNotificationLogStore(AwsClients.dynamoDb(), table()));
    }

    static org.schoolcollab.plan.DynamoPlanStore planStore() {
        return new org.schoolcollab.plan.DynamoPlanStore(AwsClients.dynamoDb(), table());
    }

    static org.schoolcollab.plan.PlanService planService() {
        return new org.schoolcollab.plan.PlanService(communityService(),
                new org.schoolcollab.plan.DynamoPlanStore(AwsClients.dynamoDb(), table()),
                new org.schoolcollab.plan.S3PlanUrls(AwsClients.s3Presigner(), Env.require("PLANS_BUCKET")),
                Clock.systemUTC());
    }

    /** The bucket comes with each S3 record: the function needs no PLANS_BUCKET (it would be a template cycle). */
    static org.schoolcollab.plan.PlanReceived planReceived() {
        return new org.schoolcollab.plan.PlanReceived(
                new org.schoolcollab.plan.DynamoPlanStore(AwsClients.dynamoDb(), table()),
                new org.schoolcollab.plan.S3PlanObjects(AwsClients.s3()),
                new NotificationDelivery(new DynamoNotificationStore(AwsClients.dynamoDb(), table()), mailSender(),
                        Clock.systemUTC()), Env.require("STAFF_NOTIFICATION_EMAIL"));
    }

    /** SES in AWS; the local runner sets MAIL_ADAPTER=outbox and OUTBOX_DIR. */
    static MailSender mailSender() {
        String from = Env.require("SENDER_EMAIL");
        return switch (Env.find("MAIL_ADAPTER").orElse("ses")) {
            case "outbox" -> new OutboxMailSender(Path.of(Env.require("OUTBOX_DIR")), from);
            case "ses" -> new SesMailSender(AwsClients.ses(), from, Env.find("SES_CONFIGURATION_SET").orElse(null));
            default -> throw new IllegalStateException("MAIL_ADAPTER must be ses or outbox");
        };
    }
}
