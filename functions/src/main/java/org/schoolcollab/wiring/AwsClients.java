package org.schoolcollab.wiring;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * SDK clients, built once per container with an explicit region and the URL-connection HTTP client.
 * Endpoints come from the SDK's own AWS_ENDPOINT_URL settings, so there is no test-only code here.
 */
public final class AwsClients {
    private AwsClients() {}

    private static Region region() {
        return Region.of(Env.find("AWS_REGION").or(() -> Env.find("aws.region")).orElse("us-east-1"));
    }

    public static DynamoDbClient dynamoDb() {
        return Holder.DYNAMO;
    }

    public static SesV2Client ses() {
        return SesHolder.SES;
    }

    public static S3Client s3() {
        return S3Holder.S3;
    }

    /** Signs URLs offline (no request to S3), with the same credentials, region and addressing as {@link #s3()}. */
    public static S3Presigner s3Presigner() {
        return S3PresignerHolder.PRESIGNER;
    }

    /** Path-style URLs (endpoint/bucket/key) where S3_FORCE_PATH_STYLE=true: the local runner's S3Proxy needs them. */
    static S3Configuration s3Configuration() {
        return S3Configuration.builder()
                .pathStyleAccessEnabled(Env.find("S3_FORCE_PATH_STYLE").map(Boolean::parseBoolean).orElse(false))
                .build();
    }

    // Lazy holders: a function that never sends mail never builds the SES client.
    private static final class Holder {
        static final DynamoDbClient DYNAMO = DynamoDbClient.builder()
                .region(region())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static final class SesHolder {
        static final SesV2Client SES = SesV2Client.builder()
                .region(region())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static final class S3Holder {
        static final S3Client S3 = S3Client.builder()
                .region(region())
                .httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(s3Configuration())
                .build();
    }

    private static final class S3PresignerHolder {
        static final S3Presigner PRESIGNER = S3Presigner.builder()
                .region(region())
                .serviceConfiguration(s3Configuration())
                .build();
    }
}
