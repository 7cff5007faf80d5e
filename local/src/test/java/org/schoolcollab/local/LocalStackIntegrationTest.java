package org.schoolcollab.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.schoolcollab.api.SubmitEoiRequest;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.eoi.OnEoiSubmitted;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.local.template.SamTemplate;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.SesMailSender;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For developers who have Docker: the store and the mail adapter against LocalStack's DynamoDB and SES, with
 * the table built from template.yaml. 4.14.0 is the last LocalStack image that runs without an account token.
 */
class LocalStackIntegrationTest {
    private static LocalStackContainer localstack;
    private static DynamoDbClient dynamo;
    private static SesV2Client ses;
    private static boolean docker;

    @BeforeAll
    static void start() throws Exception {
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            docker = false;
        }
        if (!docker) {
            System.out.println("LocalStackIntegrationTest skipped: " + NO_DOCKER);
            return;
        }
        localstack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.14.0"))
                .withServices("dynamodb", "ses");
        localstack.start();
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey()));
        URI endpoint = localstack.getEndpoint();
        Region region = Region.of(localstack.getRegion());
        dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        ses = SesV2Client.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        SamTemplate template = SamTemplate.load(Path.of(System.getProperty("project.root", "..")).resolve("template.yaml"));
        LocalDynamoDb.ensureTable(dynamo, template.table("Table"));
        ses.createEmailIdentity(b -> b.emailIdentity("no-reply@example.org"));
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    private static final String NO_DOCKER = "no Docker engine here, so no LocalStack (DynamoDB Local and "
            + "aws-ses-v2-local cover the same code in the other integration tests)";

    @Test
    void submitClaimAndNotifyAgainstLocalStack() {
        Assumptions.assumeTrue(docker, NO_DOCKER);
        EoiService service = new EoiService(new DynamoEoiStore(dynamo, "Table"), Clock.systemUTC());
        Actor caller = Actor.schoolUser("user-ls", "p@example.school.nz", "6101");
        String id = service.submit(caller, SubmitEoiRequest.read(LocalApi.eoiBody("LocalStack Kāhui Ako", "6101", "6102"),
                Optional.empty())).eoi().id();

        var conflict = org.assertj.core.api.Assertions.catchThrowable(() -> service.submit(caller,
                SubmitEoiRequest.read(LocalApi.eoiBody("Second", "6101", "6103"), Optional.empty())));
        assertThat(conflict).hasMessageContaining("6101");

        ExpressionOfInterest eoi = new DynamoEoiStore(dynamo, "Table").find(id).orElseThrow();
        OnEoiSubmitted notifier = new OnEoiSubmitted(new NotificationDelivery(new DynamoNotificationStore(dynamo, "Table"),
                new SesMailSender(ses, "no-reply@example.org", null), Clock.systemUTC()), "programme-office@example.org");
        List<Notification> sent = notifier.react(eoi);
        assertThat(sent).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(Notification.Status.SENT);
            assertThat(n.messageId()).isNotBlank();
        });
        // A replay sends nothing new: the same message ids come back.
        assertThat(notifier.react(eoi)).extracting(Notification::messageId)
                .containsExactlyElementsOf(sent.stream().map(Notification::messageId).toList());
    }
}
