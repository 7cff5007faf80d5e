package org.schoolcollab.local;

import org.schoolcollab.local.template.FunctionDefinition;
import org.schoolcollab.local.template.SamTemplate;
import org.schoolcollab.wiring.Wiring;

import java.util.LinkedHashMap;
import java.util.Map;

/** The functions' environment as system properties, since here they share one JVM where Lambda gives each its own. */
final class FunctionEnvironment {
    /** The AWS SDK v2's per-service endpoint settings (system properties; AWS_ENDPOINT_URL_&lt;SERVICE&gt; as variables). */
    static final String DYNAMODB_ENDPOINT_PROPERTY = "aws.endpointUrlDynamoDb";
    static final String DYNAMODB_STREAMS_ENDPOINT_PROPERTY = "aws.endpointUrlDynamoDbStreams";
    static final String S3_ENDPOINT_PROPERTY = "aws.endpointUrlS3";
    /** Where links in mails point: in AWS the CloudFront site's origin, here the runner's own. */
    static final String WEB_ORIGIN = "WEB_ORIGIN";

    private FunctionEnvironment() {
    }

    /**
     * Lambda gives each function its environment; here all share one JVM, so the template's variables become
     * system properties (functions read both). Local values replace AWS ones: each service's endpoint (set per
     * service, so DynamoDB clients reach DynamoDB Local, S3 clients and presigners S3Proxy, and nothing else is
     * redirected), path-style S3 addressing, the outbox.
     */
    static void configure(SamTemplate template, LocalDynamoDb dynamo, LocalS3 s3, Outbox outbox) {
        System.setProperty("aws.region", SamTemplate.REGION);
        System.setProperty("aws.accessKeyId", LocalS3.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalS3.SECRET_KEY);
        System.setProperty(DYNAMODB_ENDPOINT_PROPERTY, dynamo.endpoint().toString());
        System.setProperty(DYNAMODB_STREAMS_ENDPOINT_PROPERTY, dynamo.endpoint().toString());
        // Presigned URLs carry this address: the browser and curl on this machine reach S3Proxy there.
        System.setProperty(S3_ENDPOINT_PROPERTY, s3.endpoint().toString());
        Map<String, String> merged = new LinkedHashMap<>();
        for (FunctionDefinition f : template.functions()) {
            f.environment().forEach((name, value) -> {
                if (name.startsWith("JAVA_")) {
                    return;
                }
                String previous = merged.putIfAbsent(name, value);
                if (previous != null && !previous.equals(value)) {
                    System.err.println("warning: " + name + " differs between functions; the local runner uses " + previous);
                }
            });
        }
        // S3Proxy serves buckets by path (http://localhost:port/bucket/key), not as bucket.host names.
        merged.put("S3_FORCE_PATH_STYLE", "true");
        merged.put("MAIL_ADAPTER", "outbox");
        merged.put("OUTBOX_DIR", outbox.dir().toString());
        merged.remove(WEB_ORIGIN); // set by webOrigin once the gateway listens
        System.clearProperty(WEB_ORIGIN);
        merged.forEach(System::setProperty);
        // Handlers built from now on take their services from this environment, not a previous runner's.
        Wiring.reload();
    }

    /** The runner's origin as WEB_ORIGIN, once its port is known; functions read it on their first request. */
    static void webOrigin(String origin) {
        System.setProperty(WEB_ORIGIN, origin);
    }
}
