package org.schoolcollab.funding;

/** How far a figure in a policy document can be trusted, so a guess is never read as a fact. */
public enum SettingStatus {
    /** A public figure, from the sources it names. */
    PUBLISHED(true),
    /** A product decision (a rounding, a basis), stated with its reason. */
    CHOSEN(true),
    /** No public figure was found: the value is null and every rule that needs it refuses to run. */
    MUST_BE_SET(false),
    /** Enforced only once a deployment sets it; null means "no limit". */
    OPTIONAL(false),
    /** Documented for people, used by no rule. */
    INFORMATIONAL(true),
    /** The programme has no such rule; stated so its absence is a decision, not an omission. */
    NOT_APPLICABLE(false);

    private final boolean requiresValue;

    SettingStatus(boolean requiresValue) {
        this.requiresValue = requiresValue;
    }

    /** Whether a document with this status must give a value (MUST_BE_SET must not: a value there is a contradiction). */
    public boolean requiresValue() {
        return requiresValue;
    }
}
