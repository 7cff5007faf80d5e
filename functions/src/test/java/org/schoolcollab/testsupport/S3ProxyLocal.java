package org.schoolcollab.testsupport;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One S3Proxy per test JVM, in process, in memory (its transient blob store), started on first use and stopped
 * when the JVM exits. It checks SigV4 signatures, presigned URLs included (a tampered or expired one: 403), with
 * the same local credentials as {@link DynamoDbLocal}. Each test class takes a bucket of its own.
 */
public final class S3ProxyLocal {
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3Proxy proxy;
    private static URI endpoint;
    private static S3Client client;
    private static S3Presigner presigner;

    private S3ProxyLocal() {}

    public static synchronized URI endpoint() {
        if (proxy == null) {
            int port = FreePort.find();
            endpoint = URI.create("http://127.0.0.1:" + port);
            S3Proxy started = S3Proxy.builder()
                    .blobStore(new TransientNio2BlobStore())
                    .endpoint(endpoint)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            try {
                started.start();
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy did not start on port " + port, e);
            }
            FreePort.awaitListening(port, Duration.ofSeconds(20));
            proxy = started;
            Runtime.getRuntime().addShutdownHook(new Thread(S3ProxyLocal::stop, "s3proxy-stop"));
        }
        return endpoint;
    }

    private static synchronized void stop() {
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception e) {
                System.err.println("S3Proxy did not stop cleanly: " + e);
            }
            proxy = null;
        }
    }

    /** The shared client, built as the functions build theirs: URL-connection client, path-style addressing. */
    public static synchronized S3Client client() {
        if (client == null) {
            client = clientFor(endpoint());
        }
        return client;
    }

    public static S3Client clientFor(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(DynamoDbLocal.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    public static synchronized S3Presigner presigner() {
        if (presigner == null) {
            presigner = S3Presigner.builder()
                    .endpointOverride(endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(DynamoDbLocal.credentials())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                    .build();
        }
        return presigner;
    }

    /** A new, empty bucket, versioned as template.yaml's PlansBucket; returns its name. */
    public static String createBucket(String prefix) {
        String name = prefix + "-" + BUCKETS.incrementAndGet() + "-" + System.nanoTime();
        return ensureBucket(name);
    }

    /** The bucket of this name (as a sample event names it), created versioned if it is not there yet. */
    public static synchronized String ensureBucket(String name) {
        if (client().listBuckets().buckets().stream().noneMatch(b -> b.name().equals(name))) {
            client().createBucket(b -> b.bucket(name));
            client().putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status("Enabled")));
        }
        return name;
    }

    /** Deletes every object version and delete marker in the bucket: a bucket a sample event names, made new. */
    public static String empty(String bucket) {
        client().listObjectVersionsPaginator(b -> b.bucket(bucket)).forEach(page -> {
            page.versions().forEach(v -> client().deleteObject(b -> b.bucket(bucket).key(v.key()).versionId(v.versionId())));
            page.deleteMarkers().forEach(m -> client().deleteObject(b -> b.bucket(bucket).key(m.key()).versionId(m.versionId())));
        });
        return bucket;
    }

    /** The object's bytes (the current version). */
    public static byte[] read(String bucket, String key) {
        return client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    /** The keys in the bucket, sorted. */
    public static List<String> keys(String bucket) {
        return client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }
}
