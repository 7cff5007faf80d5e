package org.schoolcollab.plan.adapters;

import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.PlanUrls;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * SigV4 presigned URLs, signed offline by the presigner with the function's credentials. The PUT signs the
 * content type, the content length and {@code If-None-Match: *}: S3 refuses (403) a body of another length or
 * type and (412) a second upload to the same key, so the URL uploads the registered file once.
 */
public final class S3PlanUrls implements PlanUrls {
    public static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(15);
    public static final Duration DOWNLOAD_VALIDITY = Duration.ofMinutes(5);

    private final S3Presigner presigner;
    private final String bucket;
    private final Duration uploadValidity;
    private final Duration downloadValidity;

    public S3PlanUrls(S3Presigner presigner, String bucket) {
        this(presigner, bucket, UPLOAD_VALIDITY, DOWNLOAD_VALIDITY);
    }

    public S3PlanUrls(S3Presigner presigner, String bucket, Duration uploadValidity, Duration downloadValidity) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.uploadValidity = uploadValidity;
        this.downloadValidity = downloadValidity;
    }

    @Override
    public Upload upload(String objectKey, PlanFileType type, long sizeBytes) {
        PresignedPutObjectRequest p = presigner.presignPutObject(r -> r.signatureDuration(uploadValidity)
                .putObjectRequest(o -> o.bucket(bucket).key(objectKey).contentType(type.contentType())
                        .contentLength(sizeBytes).ifNoneMatch("*")));
        // What the client sets itself; host and content-length are set by every HTTP client from the URL and body.
        Map<String, String> headers = new TreeMap<>();
        p.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        return new Upload(p.url().toString(), "PUT", headers, p.expiration());
    }

    @Override
    public Download download(String objectKey, String versionId, String fileName) {
        String disposition = "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        PresignedGetObjectRequest p = presigner.presignGetObject(r -> r.signatureDuration(downloadValidity)
                .getObjectRequest(o -> o.bucket(bucket).key(objectKey).versionId(versionId)
                        .responseContentDisposition(disposition)));
        return new Download(p.url().toString(), p.expiration());
    }
}
