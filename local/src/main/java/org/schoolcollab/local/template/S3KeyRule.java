package org.schoolcollab.local.template;

/** A prefix or suffix rule of an S3 event's Filter.S3Key.Rules, so only matching keys reach the function. */
public record S3KeyRule(String name, String value) {
    boolean matches(String key) {
        return "prefix".equals(name) ? key.startsWith(value) : key.endsWith(value);
    }
}
