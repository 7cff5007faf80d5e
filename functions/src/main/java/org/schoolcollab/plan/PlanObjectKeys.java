package org.schoolcollab.plan;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a plan's file lives in the plans bucket: {@code plans/<communityId>/<planId>/<url-safe file name>}; a
 * rejected file is moved to {@code rejected/} + the same rest of the key, out of what the plan-received trigger
 * and any download see.
 */
public final class PlanObjectKeys {
    public static final String PLANS_PREFIX = "plans/";
    public static final String REJECTED_PREFIX = "rejected/";
    public static final int MAX_SAFE_NAME = 100;
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern PLAN_KEY = Pattern.compile("^plans/(" + UUID + ")/(" + UUID + ")/([A-Za-z0-9._-]{1,"
            + MAX_SAFE_NAME + "})$");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private PlanObjectKeys() {}

    /** The community and plan a key under plans/ belongs to. */
    public record PlanRef(String communityId, String planId) {}

    public static String objectKey(String communityId, String planId, String fileName, PlanFileType type) {
        return PLANS_PREFIX + communityId + "/" + planId + "/" + safeName(fileName, type);
    }

    /** The key a rejected file is moved to. */
    public static String rejectedKey(String objectKey) {
        if (!objectKey.startsWith(PLANS_PREFIX)) {
            throw new IllegalArgumentException("not a key under " + PLANS_PREFIX + ": " + objectKey);
        }
        return REJECTED_PREFIX + objectKey.substring(PLANS_PREFIX.length());
    }

    /** The plan a key names; empty for anything that is not a plan file's key. */
    public static Optional<PlanRef> parse(String key) {
        Matcher m = PLAN_KEY.matcher(key == null ? "" : key);
        return m.matches() ? Optional.of(new PlanRef(m.group(1), m.group(2))) : Optional.empty();
    }

    /**
     * The file name as a URL-safe key segment: accents dropped (Ō to O), anything else outside [A-Za-z0-9._-] a
     * single '-', at most {@value #MAX_SAFE_NAME} characters, always ending in the type's extension. The name
     * the school gave is kept on the plan for the download.
     */
    static String safeName(String fileName, PlanFileType type) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String base = ascii.toLowerCase(Locale.ROOT).endsWith(type.extension())
                ? ascii.substring(0, ascii.length() - type.extension().length())
                : ascii;
        base = UNSAFE.matcher(base).replaceAll("-").replaceAll("^[-.]+|[-.]+$", "");
        int room = MAX_SAFE_NAME - type.extension().length();
        if (base.length() > room) {
            base = base.substring(0, room).replaceAll("[-.]+$", "");
        }
        return (base.isEmpty() ? "plan" : base) + type.extension();
    }
}
