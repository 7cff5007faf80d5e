package org.schoolcollab.local;

import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * S3 on this machine: S3Proxy in this JVM on a free loopback port, objects kept as files under the data folder,
 * every request's SigV4 signature checked (presigned URLs included: tampered or expired ones get 403), CORS open
 * to any origin for the browser's GET/PUT/HEAD. S3Proxy has no bucket notifications, so its store is wrapped:
 * each object it creates is reported to a listener, which turns it into the S3 event Lambda would get.
 */
final class LocalS3 implements AutoCloseable {
    static final String ACCESS_KEY = "local";
    static final String SECRET_KEY = "local";
    /** S3Proxy's bookkeeping object for a multipart upload in progress: not a user's object, no event. */
    private static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

    /** An object S3 has just created, with what its event record carries. */
    record ObjectCreated(String eventName, String bucket, String key, long size, String eTag, String versionId,
                         Instant eventTime) {}

    private final S3Proxy proxy;
    private final BlobStore store;
    private final int port;

    private LocalS3(S3Proxy proxy, BlobStore store, int port) {
        this.proxy = proxy;
        this.store = store;
        this.port = port;
    }

    /** Serves the buckets kept under dir (created if absent) on the given port, 0 for this JVM's own free port. */
    static LocalS3 start(Path dir, int requestedPort, Consumer<ObjectCreated> onCreated) throws Exception {
        Files.createDirectories(dir);
        int port = requestedPort > 0 ? requestedPort : jvmPort();
        BlobStore store = new NotifyingBlobStore(new FilesystemNio2BlobStore(dir.toString()), onCreated);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // The web front end uploads from the browser with presigned URLs.
                .corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "PUT", "HEAD"), List.of("*"),
                        List.of("ETag", "x-amz-version-id", "x-amz-request-id"), "false"))
                .jettyMaxThreads(32)
                .stopTimeout(0) // no graceful wait on idle keep-alive connections: a stop is immediate, like the gateway's
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline || "FAILED".equals(proxy.getState())) {
                proxy.stop();
                throw new IOException("S3Proxy did not start on port " + port + " (" + proxy.getState() + ")");
            }
            Thread.sleep(5);
        }
        return new LocalS3(proxy, store, port);
    }

    private static int jvmPort;

    /**
     * One port for every S3 this JVM starts, as for DynamoDB Local: functions build their S3 client and presigner
     * once per container, so a runner restarted inside one JVM (the tests do this) must come back on the same
     * endpoint.
     */
    private static synchronized int jvmPort() throws IOException {
        if (jvmPort == 0) {
            jvmPort = LocalDynamoDb.freePort();
        }
        return jvmPort;
    }

    /** The address clients and presigned URLs use: reachable from this machine's browser and curl. */
    URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    int port() {
        return port;
    }

    /**
     * Creates the bucket unless it is already there (a kept data folder). Versioning as the template asks where
     * the store supports it: S3Proxy 4.1's filesystem store does not, so objects there have no versionId.
     */
    void ensureBucket(String name, boolean versioned) {
        if (!store.containerExists(name)) {
            store.createContainer(name);
        }
        if (versioned && store.supportsVersioning() && store.getBucketVersioning(name) != BucketVersioningStatus.ENABLED) {
            store.putBucketVersioning(name, BucketVersioningStatus.ENABLED);
        }
    }

    List<String> buckets() {
        return store.list().buckets().stream().map(b -> b.name()).toList();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            System.err.println("S3Proxy did not stop cleanly: " + e);
        }
    }

    /** The filesystem store, reporting each object it creates: PutObject (presigned too), CopyObject, multipart. */
    private static final class NotifyingBlobStore extends ForwardingBlobStore {
        private final Consumer<ObjectCreated> onCreated;

        NotifyingBlobStore(BlobStore delegate, Consumer<ObjectCreated> onCreated) {
            super(delegate);
            this.onCreated = onCreated;
        }

        @Override
        public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
            PutObjectResponse response = super.putBlob(request, input);
            created("ObjectCreated:Put", request.bucket(), request.key(), response.versionId());
            return response;
        }

        @Override
        public CopyObjectResponse copyBlob(CopyObjectRequest request) {
            CopyObjectResponse response = super.copyBlob(request);
            created("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey(), response.versionId());
            return response;
        }

        @Override
        public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                       CompleteMultipartUploadRequest request) {
            CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
            created("ObjectCreated:CompleteMultipartUpload", upload.containerName(), upload.blobName(),
                    response.versionId());
            return response;
        }

        /** Never fails the request that created the object: S3 has stored it, whatever happens to the event. */
        private void created(String eventName, String bucket, String key, String versionId) {
            if (key == null || key.startsWith(MULTIPART_STUB_PREFIX)) {
                return;
            }
            if (versionId == null || versionId.isBlank() || "null".equals(versionId)) {
                versionId = null; // an unversioned bucket's object: S3 puts no versionId in the event
            }
            try {
                HeadObjectResponse head = delegate().blobMetadata(HeadObjectRequest.builder().bucket(bucket).key(key)
                        .versionId(versionId).build());
                String eTag = head.eTag() == null ? "" : head.eTag().replace("\"", "");
                onCreated.accept(new ObjectCreated(eventName, bucket, key,
                        head.contentLength() == null ? 0 : head.contentLength(), eTag, versionId, Instant.now()));
            } catch (RuntimeException e) {
                System.err.println("s3: no event for " + bucket + "/" + key + ": " + e);
            }
        }
    }
}
