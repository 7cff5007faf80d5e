package org.schoolcollab.plan;

/** What the bucket says about a stored object: its size, ETag (without quotes) and version id (null if unversioned). */
public record StoredObject(String key, long sizeBytes, String eTag, String versionId, String contentType) {}
