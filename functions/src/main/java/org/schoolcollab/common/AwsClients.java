package org.schoolcollab.common;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
}
