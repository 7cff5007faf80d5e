package org.schoolcollab.plan;

/** What the bucket says about a stored object: its size, ETag (without quotes) and version id (null if unversioned). */
public record StoredObject(String key, long sizeBytes, String eTag, String versionId, String contentType) {
    /** An ETag as S3 sends it in headers and events ("\"abc\"") without its quotes, as plans record it. */
    public static String unquoted(String eTag) {
        if (eTag == null) {
            return null;
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
