package org.schoolcollab.local.template;

import java.util.List;
import java.util.Locale;

/** A SAM S3 event, so the objects a bucket stores reach the functions that subscribe to them. */
public record S3Source(String name, String functionId, String bucketId, List<String> events,
                       List<S3KeyRule> rules) implements EventSource {
    /** The bucket's local name: its logical id in lower case (as !Ref gives it to functions). */
    public String bucketName() {
        return bucketId.toLowerCase(Locale.ROOT);
    }

    /** eventName as S3 puts it in the record, e.g. ObjectCreated:Put, against s3:ObjectCreated:* or exact names. */
    public boolean matchesEvent(String eventName) {
        String full = "s3:" + eventName;
        for (String e : events) {
            if (e.equals(full) || (e.endsWith(":*") && full.startsWith(e.substring(0, e.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** S3 applies the rules to the object's key as stored (not the URL-encoded form in the record). */
    public boolean matchesKey(String key) {
        return rules.stream().allMatch(r -> r.matches(key));
    }

    public boolean matches(String bucket, String eventName, String key) {
        return bucketName().equals(bucket) && matchesEvent(eventName) && matchesKey(key);
    }
}
