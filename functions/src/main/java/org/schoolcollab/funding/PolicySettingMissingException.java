package org.schoolcollab.funding;

/**
 * A rule needed a setting the policy marks {@code MUST_BE_SET}. Thrown instead of computing with a guess; the
 * message names the setting and the document so whoever reads the log knows exactly what to set.
 */
public class PolicySettingMissingException extends IllegalStateException {
    private final String resource;
    private final String path;

    public PolicySettingMissingException(String resource, String policyId, String version, String path, String reason) {
        super("funding policy setting '" + path + "' in " + resource + " (" + policyId + " v" + version
                + ") is MUST_BE_SET and has no value: " + reason
                + " Set it in a new version of the document before this rule can run.");
        this.resource = resource;
        this.path = path;
    }

    /** The classpath resource of the document, e.g. {@code policies/kahui-ako.json}. */
    public String resource() {
        return resource;
    }

    /** The setting's dotted path, e.g. {@code rules.roles.communityLeader.allowance.SECONDARY}. */
    public String path() {
        return path;
    }
}
