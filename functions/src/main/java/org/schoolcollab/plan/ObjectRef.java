package org.schoolcollab.plan;

/** One object version in a bucket, as an S3 event names it; a null versionId means the current version. */
public record ObjectRef(String bucket, String key, String versionId) {}
