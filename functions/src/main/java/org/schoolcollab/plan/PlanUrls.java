package org.schoolcollab.plan;

import java.time.Instant;
import java.util.Map;

/** Presigned URLs to the plans bucket: the browser uploads and downloads plan files straight from S3. */
public interface PlanUrls {
    /** A PUT of exactly this key, content type and length, once (If-None-Match: *). */
    Upload upload(String objectKey, PlanFileType type, long sizeBytes);

    /** A GET of this object (this version, when versionId is not null), served as an attachment named fileName. */
    Download download(String objectKey, String versionId, String fileName);

    /** The request the client must make: method, URL and these headers, before expiresAt. */
    record Upload(String url, String method, Map<String, String> headers, Instant expiresAt) {
        public Upload {
            headers = Map.copyOf(headers);
        }
    }

    record Download(String url, Instant expiresAt) {}
}
